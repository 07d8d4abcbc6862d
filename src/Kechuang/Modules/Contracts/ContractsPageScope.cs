using Kechuang.Platform.Access;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// Runs one page operation in its own DI scope (a fresh DbContext, as a Blazor circuit outlives a
/// request and a context is not thread-safe) with the circuit's signed-in user, so the handlers, the
/// data scope and the audit see the same caller as the API would.
/// </summary>
public sealed class ContractsPageScope(IServiceScopeFactory scopes, CurrentUser user)
{
    public CurrentUser User => user;

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        scoped.Set(user.Principal);
        scoped.ClientAddress = user.ClientAddress;
        return await work(scope.ServiceProvider);
    }

    public Task RunAsync(Func<IServiceProvider, Task> work) =>
        RunAsync(async sp =>
        {
            await work(sp);
            return true;
        });
}
