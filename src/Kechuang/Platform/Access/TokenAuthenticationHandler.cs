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
    IDbContextFactory<KechuangDb> contexts, TimeProvider clock)
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
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        var account = await (from t in db.AccessTokens
                             join a in db.Accounts on t.AccountId equals a.Id
                             where t.TokenHash == hash && t.ExpiresAt > now && !a.Disabled
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
