using System.Security.Claims;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Access;

/// <summary>
/// Whether a signed-in principal is still what its account grants: the account exists, is not disabled, and
/// its security stamp is the one the session was issued with. The database answers, so a change made on one
/// node ends the session on every node. Page requests ask on every request; a Blazor circuit asks on every
/// operation, reusing a "still current" answer for at most <see cref="CircuitReuse"/>.
/// </summary>
public sealed class SessionCheck(IDbContextFactory<KechuangDb> contexts, TimeProvider clock)
{
    /// <summary>How long a circuit may act on its last "still current" answer (a click and its re-render are one look-up).</summary>
    public static readonly TimeSpan CircuitReuse = TimeSpan.FromSeconds(2);

    private DateTimeOffset _currentUntil;
    private bool _ended;

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Disabled, a.SecurityStamp }).FirstOrDefaultAsync(cancellationToken);
        return account is not null && !account.Disabled
            && string.Equals(account.SecurityStamp, principal.FindFirstValue(SignInHandler.StampClaim), StringComparison.Ordinal);
    }

    /// <summary>For a circuit: once ended, always ended; a "still current" answer is reused briefly.</summary>
    public async Task<bool> IsCircuitCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (now < _currentUntil)
        {
            return true;
        }
        if (!await IsCurrentAsync(principal, cancellationToken))
        {
            _ended = true;
            return false;
        }
        _currentUntil = now + CircuitReuse;
        return true;
    }
}
