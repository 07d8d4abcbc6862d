using Kechuang.Platform.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kechuang.Platform.Ui;

/// <summary>
/// Runs one page operation in its own DI scope. A Blazor circuit lives far longer than a request and a
/// DbContext is not thread-safe, so every click gets fresh scoped handlers and a fresh context; the
/// new scope's <see cref="CurrentUser"/> carries the circuit's signed-in user, so data scope and audit
/// apply exactly as for an HTTP request.
/// </summary>
public sealed class ScopedRunner(IServiceScopeFactory scopes, CurrentUser circuitUser, AuthenticationStateProvider authentication)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        // The circuit's user is set when the circuit opens; the authentication state is the fallback
        // while a page is prerendered or before the circuit handler has run.
        var principal = circuitUser.IsSignedIn ? circuitUser.Principal : (await authentication.GetAuthenticationStateAsync()).User;
        user.Set(principal);
        user.ClientAddress = circuitUser.ClientAddress;
        return await work(scope.ServiceProvider);
    }

    public async Task RunAsync(Func<IServiceProvider, Task> work) =>
        await RunAsync<bool>(async services =>
        {
            await work(services);
            return true;
        });

    /// <summary>Calls one scoped handler: <c>await Run.With&lt;PeopleHandler, PersonDto&gt;(h =&gt; h.GetAsync(id))</c>.</summary>
    public Task<T> With<THandler, T>(Func<THandler, Task<T>> work) where THandler : notnull =>
        RunAsync(services => work(services.GetRequiredService<THandler>()));

    public Task With<THandler>(Func<THandler, Task> work) where THandler : notnull =>
        RunAsync(services => work(services.GetRequiredService<THandler>()));
}
