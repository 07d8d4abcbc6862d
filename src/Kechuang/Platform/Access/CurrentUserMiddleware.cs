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

/// <summary>Carries the signed-in user into a Blazor circuit's service scope.</summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider auth, CurrentUser user, IHttpContextAccessor http) : CircuitHandler, IDisposable
{
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
