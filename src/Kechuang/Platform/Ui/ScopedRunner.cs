using Kechuang.Platform.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kechuang.Platform.Ui;

/// <summary>
/// The one way a page reaches a handler: <c>await Run.With&lt;GetPersonHandler, PersonDto&gt;(h =&gt; h.HandleAsync(id))</c>.
/// Each call runs in its own DI scope. A Blazor circuit lives far longer than a request and a DbContext is not
/// thread-safe, so every click gets fresh scoped handlers and a fresh context; the new scope's
/// <see cref="CurrentUser"/> carries the circuit's signed-in user (or the anonymous visitor of a public page), so data
/// scope and audit apply exactly as for an HTTP request. Pages never hold a context or build a handler themselves
/// (an architecture test checks it).
/// </summary>
public sealed class ScopedRunner(IServiceScopeFactory scopes, CurrentUser circuitUser, AuthenticationStateProvider authentication)
{
    /// <summary>Calls one scoped handler and returns its answer.</summary>
    public async Task<T> With<THandler, T>(Func<THandler, Task<T>> work) where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        // The circuit's user is set when the circuit opens; the authentication state is the fallback
        // while a page is prerendered or before the circuit handler has run.
        var principal = circuitUser.IsSignedIn ? circuitUser.Principal : (await authentication.GetAuthenticationStateAsync()).User;
        user.Set(principal);
        user.ClientAddress = circuitUser.ClientAddress;
        return await work(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>Calls one scoped handler that answers nothing.</summary>
    public Task With<THandler>(Func<THandler, Task> work) where THandler : notnull =>
        With<THandler, bool>(async handler =>
        {
            await work(handler);
            return true;
        });
}
