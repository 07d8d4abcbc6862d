using Microsoft.JSInterop;

namespace Kechuang.Platform.Ui;

/// <summary>
/// Keyboard use of an AntDesign select or cascader in a form: Enter on its open list no longer submits the form, and a
/// cascader's list closes on Enter, Escape and Tab (wwwroot/js/dropdown-keys.js says why). A local module, because the
/// CSP forbids inline scripts.
/// </summary>
public static class DropdownKeys
{
    /// <param name="id">the id AntDesign puts on the select's or cascader's wrapper.</param>
    /// <param name="closeOnKeys">true for a cascader, whose list no key closes.</param>
    public static async Task AttachAsync(IJSRuntime js, string id, bool closeOnKeys)
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", "/js/dropdown-keys.js");
        await module.InvokeVoidAsync("attach", id, closeOnKeys);
    }
}
