using System.Text.Encodings.Web;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kechuang.Platform.Access;

/// <summary>
/// Bearer tokens for <c>/api/v1</c>: opaque random strings whose SHA-256 is looked up in the database,
/// so every node accepts them and disabling an account or resetting its password revokes them at once.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<KechuangDb> contexts, TimeProvider clock, Npgsql.NpgsqlDataSource? postgres = null)
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
        if (postgres is not null)
        {
            // Every API request runs this look-up: on PostgreSQL one prepared statement, without a DbContext.
            var principal = await FindOnPostgresAsync(postgres, hash, now, Context.RequestAborted);
            return principal is null
                ? AuthenticateResult.Fail("invalid token")
                : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
        }
        await using var db = contexts.CreateDbContext();
        var account = await (from t in db.AccessTokens
                             join a in db.Accounts on t.AccountId equals a.Id
                             where t.TokenHash == hash && t.ExpiresAt > now && !a.Disabled
                             select a).AsNoTracking().FirstOrDefaultAsync(Context.RequestAborted);
        return account is null
            ? AuthenticateResult.Fail("invalid token")
            : AuthenticateResult.Success(new AuthenticationTicket(SignInHandler.Principal(account, SchemeName), SchemeName));
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal?> FindOnPostgresAsync(
        Npgsql.NpgsqlDataSource postgres, string hash, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = postgres.CreateCommand("""
            SELECT a.id, a.user_name, a.role, a.region_code, a.display_name, a.password_changed_at, a.organization_id
            FROM access_token t JOIN access_account a ON a.id = t.account_id
            WHERE t.token_hash = $1 AND t.expires_at > $2 AND NOT a.disabled
            LIMIT 1
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = hash });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<DateTime> { TypedValue = now });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return SignInHandler.Principal(reader.GetGuid(0), reader.GetString(1), Enum.Parse<Role>(reader.GetString(2)), reader.GetString(3),
            reader.GetString(4), reader.GetDateTime(5), reader.IsDBNull(6) ? null : reader.GetGuid(6), SchemeName);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        return Task.CompletedTask;
    }
}
