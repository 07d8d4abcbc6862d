using Microsoft.JSInterop;

namespace Kechuang.Platform.Ui;

/// <summary>
/// Names the input inside an AntDesign wrapper (cascader, picker): AntDesign puts the id on the wrapper and takes
/// no aria parameter, so neither a <c>label for</c> nor a parameter reaches the input. A local module, because the
/// CSP forbids inline scripts.
/// </summary>
public static class FieldLabel
{
    public static async Task NameAsync(IJSRuntime js, string id, string label)
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", "/js/field-label.js");
        await module.InvokeVoidAsync("name", id, label);
    }
}
