using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kechuang.Platform.Access;

public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser user)
    {
        user.Set(context.User);
        user.ClientAddress = context.Connection.RemoteIpAddress?.ToString();
        return next(context);
    }
}

/// <summary>
/// Carries the signed-in user into a Blazor circuit's service scope, and ends the circuit's session as soon as
/// the account's password, role, region or organisation changed: every operation of the circuit (a click, a
/// form's input, a script's answer) first asks <see cref="SessionCheck"/>; once it says no, the circuit acts as
/// nobody, runs no further operation and sends the browser to the sign-in page, whose request ends the cookie.
/// </summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider auth, CurrentUser user, IHttpContextAccessor http,
    SessionCheck sessions, NavigationManager navigation, ILogger<CurrentUserCircuitHandler> logger) : CircuitHandler, IDisposable
{
    /// <summary>Where a circuit whose session ended is sent.</summary>
    public const string EndedUrl = "/account/login?signedOut=revoked";

    private int _ending;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (await sessions.IsCircuitCurrentAsync(user.Principal))
            {
                await next(context);
                return;
            }
            user.Set(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()));
            if (Interlocked.Exchange(ref _ending, 1) == 0)
            {
                logger.LogInformation("Circuit session ended: the account changed since sign-in");
                try
                {
                    navigation.NavigateTo(EndedUrl, forceLoad: true);
                }
                catch (InvalidOperationException)
                {
                    // A circuit not yet attached to its browser cannot navigate; it serves nobody either way.
                }
            }
        };

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        auth.AuthenticationStateChanged += OnChanged;
        user.ClientAddress ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        user.Set((await auth.GetAuthenticationStateAsync()).User);
    }

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => user.Set(t.Result.User), TaskScheduler.Default);

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
