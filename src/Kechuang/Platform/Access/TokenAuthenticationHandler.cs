using System.Text.Encodings.Web;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kechuang.Platform.Access;

/// <summary>
/// Bearer tokens for <c>/api/v1</c>: opaque random strings whose SHA-256 is looked up in the database,
/// so every node accepts them. A token keeps the account's security stamp from when it was issued: a change of
/// password, role, region or organisation, or disabling the account, revokes it at once on every node.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TimeProvider clock, BearerTokenLookups lookups)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = SignInHandler.HashToken(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        if (lookups.OnPostgres)
        {
            // Every API request runs this look-up: on PostgreSQL together with the other requests' (one query).
            var found = await lookups.FindAsync(hash);
            return found is null
                ? AuthenticateResult.Fail("invalid token")
                : AuthenticateResult.Success(new AuthenticationTicket(found.Principal(SchemeName), SchemeName));
        }
        // Resolved here, not injected: on PostgreSQL the look-up needs no DbContext, and resolving the scoped
        // factory builds EF's options for every request.
        await using var db = Context.RequestServices.GetRequiredService<IDbContextFactory<KechuangDb>>().CreateDbContext();
        var account = await (from t in db.AccessTokens
                             join a in db.Accounts on t.AccountId equals a.Id
                             where t.TokenHash == hash && t.ExpiresAt > now && !a.Disabled && t.SecurityStamp == a.SecurityStamp
                             select a).AsNoTracking().FirstOrDefaultAsync(Context.RequestAborted);
        return account is null
            ? AuthenticateResult.Fail("invalid token")
            : AuthenticateResult.Success(new AuthenticationTicket(SignInHandler.Principal(account, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        return Task.CompletedTask;
    }
}

/// <summary>The account a valid bearer token belongs to.</summary>
public sealed record TokenAccount(Guid Id, string UserName, Role Role, string RegionCode, string DisplayName, string SecurityStamp, Guid? OrganizationId)
{
    public System.Security.Claims.ClaimsPrincipal Principal(string scheme) =>
        SignInHandler.Principal(Id, UserName, Role, RegionCode, DisplayName, SecurityStamp, OrganizationId, scheme);
}

/// <summary>
/// PostgreSQL: the bearer-token look-ups of concurrent requests go to the database together, one query with an
/// array of token hashes per <see cref="GroupCommit{TRequest,TAnswer}"/> batch, through the shared data source
/// (no DbContext). Each look-up still runs after its request arrived, against the tokens and accounts as they
/// are then, so a revoked token or a disabled account is refused at once on every node.
/// </summary>
public sealed class BearerTokenLookups
{
    private const int MaxBatch = 512;

    private readonly GroupCommit<string, TokenAccount?>? _lookups;

    public BearerTokenLookups(TimeProvider clock, Npgsql.NpgsqlDataSource? postgres = null)
    {
        if (postgres is not null)
        {
            _lookups = new(hashes => FindAsync(postgres, clock, hashes), MaxBatch);
        }
    }

    public bool OnPostgres => _lookups is not null;

    public Task<TokenAccount?> FindAsync(string hash) =>
        (_lookups ?? throw new InvalidOperationException("Batched token look-ups need PostgreSQL.")).EnqueueAsync(hash);

    private static async Task<TokenAccount?[]> FindAsync(Npgsql.NpgsqlDataSource postgres, TimeProvider clock, IReadOnlyList<string> hashes)
    {
        await using var command = postgres.CreateCommand("""
            SELECT t.token_hash, a.id, a.user_name, a.role, a.region_code, a.display_name, a.security_stamp, a.organization_id
            FROM access_token t JOIN access_account a ON a.id = t.account_id
            WHERE t.token_hash = ANY($1) AND t.expires_at > $2 AND NOT a.disabled AND t.security_stamp = a.security_stamp
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string[]> { TypedValue = [.. hashes] });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<DateTime> { TypedValue = clock.GetUtcNow().UtcDateTime });
        var found = new Dictionary<string, TokenAccount>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found.TryAdd(reader.GetString(0), new TokenAccount(reader.GetGuid(1), reader.GetString(2), Enum.Parse<Role>(reader.GetString(3)),
                    reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetGuid(7)));
            }
        }
        return [.. hashes.Select(h => found.GetValueOrDefault(h))];
    }
}
