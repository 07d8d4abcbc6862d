using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Access;

/// <summary>
/// Failed sign-ins of one user name from one client address, or from every client (<see cref="AnyClient"/>).
/// Counted in the database, so every node sees the same counts; kept for unknown user names as for real ones,
/// so the answers never tell which accounts exist.
/// </summary>
public sealed class SignInAttempts : INotAudited
{
    public const string AnyClient = "*";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The user name as typed, trimmed and lower-cased (the first 64 characters).</summary>
    public string UserName { get; set; } = "";

    /// <summary>The client's network address, or <see cref="AnyClient"/> for the account's attempts from everywhere.</summary>
    public string Client { get; set; } = "";

    public int Attempts { get; set; }

    public DateTime WindowStart { get; set; }

    /// <summary>Until when this client may not sign in to this account (never set on the <see cref="AnyClient"/> row).</summary>
    public DateTime? LockedUntil { get; set; }
}

/// <summary>The numbers of the sign-in limits (docs/security.md explains the choice).</summary>
public static class SignInLimits
{
    /// <summary>Failures from one client that lock that client out of the account (等保: 限制非法登录次数).</summary>
    public const int ClientFailures = 5;

    public static readonly TimeSpan ClientLockout = TimeSpan.FromMinutes(30);

    /// <summary>Failures on one account from all clients together within <see cref="AccountWindow"/>; after them, attempts are answered 429.</summary>
    public const int AccountAttempts = 10;

    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(15);

    /// <summary>The rate-limiter policy of the sign-in endpoints: attempts per client address and minute, on each node.</summary>
    public const string ClientPolicy = "sign-in";

    public const int DefaultClientPerMinute = 20;

    /// <summary>Whole seconds until a window that started at <paramref name="start"/> ends (at least one).</summary>
    public static int SecondsLeft(DateTime start, TimeSpan window, DateTime now) =>
        Math.Max(1, (int)Math.Ceiling((start + window - now).TotalSeconds));

    public static string Key(string? userName)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        return name.Length > 64 ? name[..64] : name;
    }
}

/// <summary>
/// The counters behind the limits, in the database. Only failures are counted — a wrong password, an unknown
/// or disabled name, a wrong one-time code — so sign-ins with the right password never use up a limit, however
/// many run at once. Failures are counted after the password check, so the checks of one user name take turns on
/// each node (<see cref="EnterAsync"/>): a burst of parallel guesses is checked one after another against the
/// counts the earlier ones left. With N nodes, at most N guesses on one account are checked at the same moment.
/// </summary>
public sealed class SignInGuard(IDbContextFactory<KechuangDb> contexts)
{
    public sealed record Count(int Attempts, DateTime WindowStart, DateTime? LockedUntil);

    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Holds the gate of one user name on this node until disposed.</summary>
    public static async Task<IDisposable> EnterAsync(string userName, CancellationToken cancellationToken)
    {
        var gate = Gates[(uint)StringComparer.Ordinal.GetHashCode(userName) % (uint)Gates.Length];
        await gate.WaitAsync(cancellationToken);
        return new Exit(gate);
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    /// <summary>Seconds until the account takes attempts again, if its failures from all clients reached the limit within the window.</summary>
    public async Task<int?> ThrottledForAsync(string userName, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = now - SignInLimits.AccountWindow;
        var start = await db.SignInAttempts.AsNoTracking()
            .Where(a => a.UserName == userName && a.Client == SignInAttempts.AnyClient && a.Attempts >= SignInLimits.AccountAttempts && a.WindowStart > cutoff)
            .Select(a => (DateTime?)a.WindowStart).FirstOrDefaultAsync(cancellationToken);
        return start is { } s ? SignInLimits.SecondsLeft(s, SignInLimits.AccountWindow, now) : null;
    }

    /// <summary>Until when <paramref name="client"/> is locked out of the account, if it is.</summary>
    public async Task<DateTime?> LockedUntilAsync(string userName, string client, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SignInAttempts.AsNoTracking().Where(a => a.UserName == userName && a.Client == client)
            .Select(a => a.LockedUntil).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Counts one failure and returns the count within the window. The count itself is one UPDATE; a row that
    /// another node creates or an administrator's unlock deletes meanwhile is counted again.
    /// </summary>
    public async Task<Count> CountAsync(string userName, string client, TimeSpan window, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = now - window;
        for (var attempt = 1; ; attempt++)
        {
            var updated = await db.SignInAttempts.Where(a => a.UserName == userName && a.Client == client)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Attempts, a => a.WindowStart <= cutoff ? 1 : a.Attempts + 1)
                    .SetProperty(a => a.WindowStart, a => a.WindowStart <= cutoff ? now : a.WindowStart), cancellationToken);
            if (updated == 0)
            {
                db.SignInAttempts.Add(new SignInAttempts { UserName = userName, Client = client, Attempts = 1, WindowStart = now });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new Count(1, now, null);
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    // Another node created the row first: count on it.
                    db.ChangeTracker.Clear();
                    continue;
                }
            }
            var row = await db.SignInAttempts.AsNoTracking().Where(a => a.UserName == userName && a.Client == client)
                .Select(a => new Count(a.Attempts, a.WindowStart, a.LockedUntil)).FirstOrDefaultAsync(cancellationToken);
            if (row is not null || attempt >= 5)
            {
                return row ?? new Count(1, now, null);
            }
        }
    }

    /// <summary>Locks the client out of the account; true for the one request that set the lock (it writes the audit entry).</summary>
    public async Task<bool> LockAsync(string userName, string client, DateTime until, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SignInAttempts.Where(a => a.UserName == userName && a.Client == client && (a.LockedUntil == null || a.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedUntil, until), cancellationToken) == 1;
    }

    /// <summary>
    /// After a successful sign-in from <paramref name="client"/>: that client's failures start again. The account's
    /// failures from all clients stay until their window ends, so the owner's sign-ins do not renew a guesser's allowance.
    /// </summary>
    public async Task ClearAsync(string userName, string client, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SignInAttempts.Where(a => a.UserName == userName && a.Client == client).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>An administrator's unlock: every client's lock and count on the account.</summary>
    public static Task UnlockAsync(KechuangDb db, string userName, CancellationToken cancellationToken) =>
        db.SignInAttempts.Where(a => a.UserName == userName).ExecuteDeleteAsync(cancellationToken);
}
