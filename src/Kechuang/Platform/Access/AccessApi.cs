using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Platform.Access;

public static class AccessApi
{
    /// <param name="OneTimeCode">The account's TOTP code (or a recovery code), for accounts with a second factor.</param>
    public sealed record TokenRequest(string? UserName, string? Password, string? OneTimeCode = null);

    public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);

    public sealed record ChangePasswordRequest(string? UserName, string? CurrentPassword, string? NewPassword, string? OneTimeCode = null);

    public sealed record Created(Guid Id);

    public sealed record ResetResponse(string Password);

    public sealed record MeResponse(Guid? Id, string UserName, string DisplayName, string? Role, string RegionCode, Guid? OrganizationId);

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("账号与认证").RequireRateLimiting(SignInLimits.ClientPolicy);
        auth.MapPost("/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (TokenRequest request, SignInHandler signIn, HttpContext http, CancellationToken ct) =>
        {
            var result = await signIn.HandleAsync(request.UserName, request.Password, request.OneTimeCode, ct);
            switch (result.Outcome)
            {
                case SignInOutcome.Success:
                    var (token, expires) = await signIn.IssueTokenAsync(result.Account!, ct);
                    return TypedResults.Ok(new TokenResponse(token, expires));
                case SignInOutcome.Throttled:
                    return Throttled(http, result.RetryAfterSeconds);
                case SignInOutcome.PasswordChangeRequired:
                    return Problem(403, "首次登录或密码已过期，请先修改密码", "auth.password-change-required");
                case SignInOutcome.SecondFactorRequired:
                    return SecondFactorRequired();
                case SignInOutcome.SecondFactorEnrolmentRequired:
                    return Problem(403, "该账号须使用动态口令：请先在网页登录并绑定动态口令", "auth.second-factor-enrolment-required");
                default:
                    return Problem(401, "用户名或密码错误", "auth.bad-credentials");
            }
        }).AllowAnonymous()
            .WithPermission(AccessPermissions.SignIn)
            .WithName("IssueToken")
            .WithSummary("以用户名和密码（管理员另加动态口令 oneTimeCode）换取访问令牌")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/change-password", async Task<Results<NoContent, ProblemHttpResult>> (ChangePasswordRequest request, SignInHandler signIn, HttpContext http, CancellationToken ct) =>
        {
            // Accounts that must change their password cannot get a token, so this endpoint re-checks the credentials itself.
            var result = await signIn.HandleAsync(request.UserName, request.CurrentPassword, request.OneTimeCode, ct);
            if (result.Outcome == SignInOutcome.Throttled)
            {
                return Throttled(http, result.RetryAfterSeconds);
            }
            if (result.Outcome == SignInOutcome.SecondFactorRequired)
            {
                return SecondFactorRequired();
            }
            if (result.Account is null)
            {
                return Problem(401, "用户名或密码错误", "auth.bad-credentials");
            }
            await signIn.ChangePasswordAsync(result.Account.Id, request.CurrentPassword, request.NewPassword, ct);
            return TypedResults.NoContent();
        }).AllowAnonymous()
            .WithPermission(AccessPermissions.SignIn)
            .WithName("ChangePassword")
            .WithSummary("凭用户名和原密码修改密码（无需令牌）")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapGet("/api/v1/me", (CurrentUser user) =>
            TypedResults.Ok(new MeResponse(user.AccountId, user.UserName, user.DisplayName, user.Role is { } r ? Kebab.From(r) : null, user.RegionCode, user.OrganizationId)))
            .RequireAuthorization().WithTags("账号与认证")
            .WithName("GetCurrentAccount")
            .WithSummary("查看当前登录的账号");

        var admin = app.MapGroup("/api/v1/admin/users").RequireAuthorization(Roles.AccountAdmins).WithTags("账号管理");
        admin.MapPost("", async Task<Created<Created>> (AccountInput input, AccountAdminHandler handler, CancellationToken ct) =>
        {
            var id = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/admin/users/{id}", new Created(id));
        })
            .WithPermission(AccessPermissions.ManageAccounts)
            .WithName("CreateAccount")
            .WithSummary("创建账号")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("", async (string? role, [AsParameters] ListQuery list, AccountAdminHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(new AccountQuery(role, list), ct)))
            .WithName("ListAccounts")
            .WithSummary("查询账号");
        admin.MapGet("/export", async (string? role, [AsParameters] ListQuery list, FromReports<AccountAdminHandler> handler, KechuangDb db, CancellationToken ct) =>
            await AccountSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new AccountQuery(role, list), ct), ct))
            .WithName("ExportAccounts")
            .WithSummary("导出账号清单");
        admin.MapPut("/{id:guid}", async (Guid id, AccountInput input, AccountAdminHandler handler, CancellationToken ct) =>
        {
            await handler.UpdateAsync(id, input, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(AccessPermissions.ManageAccounts)
            .WithName("UpdateAccount")
            .WithSummary("修改账号的姓名、角色、地区和所属单位");
        admin.MapPost("/{id:guid}/disable", async (Guid id, AccountAdminHandler handler, CancellationToken ct) =>
        {
            await handler.SetDisabledAsync(id, true, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(AccessPermissions.ManageAccounts)
            .WithName("DisableAccount")
            .WithSummary("停用账号")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/enable", async (Guid id, AccountAdminHandler handler, CancellationToken ct) =>
        {
            await handler.SetDisabledAsync(id, false, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(AccessPermissions.ManageAccounts)
            .WithName("EnableAccount")
            .WithSummary("启用账号");
        admin.MapPost("/{id:guid}/unlock", async (Guid id, AccountAdminHandler handler, CancellationToken ct) =>
        {
            await handler.UnlockAsync(id, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(AccessPermissions.ManageAccounts)
            .WithName("UnlockAccount")
            .WithSummary("解锁因密码错误被锁定的账号");
        admin.MapPost("/{id:guid}/reset-password", async (Guid id, AccountAdminHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ResetResponse(await handler.ResetPasswordAsync(id, ct))))
            .WithPermission(AccessPermissions.ManageAccounts)
            .WithName("ResetPassword")
            .WithSummary("重置密码，返回一次性临时密码（下次登录须修改）");
        admin.MapPost("/{id:guid}/reset-second-factor", async (Guid id, AccountAdminHandler handler, CancellationToken ct) =>
        {
            await handler.ResetSecondFactorAsync(id, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(AccessPermissions.ManageAccounts)
            .WithName("ResetSecondFactor")
            .WithSummary("重置动态口令（手机遗失时）；该账号下次登录时重新绑定");
        return app;
    }

    private static ProblemHttpResult SecondFactorRequired() =>
        Problem(401, "请提供动态口令（或恢复码）；动态口令错误或已使用过时也是此答复", "auth.second-factor-required");

    private static ProblemHttpResult Throttled(HttpContext http, int seconds)
    {
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: SignInRateLimiting.Message(seconds), statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["code"] = "auth.throttled", ["retryAfter"] = seconds });
    }

    private static ProblemHttpResult Problem(int status, string title, string code) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
