using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kechuang.Platform.Problems;

/// <summary>
/// The one place where exceptions become answers. Mapping: <see cref="InputException"/> → 400 with
/// field errors; <see cref="RuleException"/> → 409 with its code; <see cref="ForbiddenException"/> →
/// 403; <see cref="NotFoundException"/> → 404; <see cref="LockedException"/> → 423; a malformed
/// request → 400; storage full or read-only, or a database that cannot be reached → 503; anything else → 500
/// with a trace id and never the exception text.
/// </summary>
public sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Answer(exception, httpContext);
        // The answer's trace id in the line too (the log's scopes carry the trace part of it), so the id a user
        // reports finds its line by a plain search.
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Path}, answered with trace id {AnswerTraceId}", httpContext.Request.Path, problem.Extensions["traceId"]);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Storage unavailable on {Path}, answered 503 with trace id {AnswerTraceId}", httpContext.Request.Path, problem.Extensions["traceId"]);
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The answer to <paramref name="exception"/>, also for handlers that return a refusal instead of throwing it.</summary>
    public static ProblemDetails Answer(Exception exception, HttpContext httpContext)
    {
        var problem = Map(exception);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        return problem;
    }

    public static ProblemDetails Map(Exception exception) => exception switch
    {
        InputException input => new ValidationProblemDetails(input.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = 400,
            Title = "输入有误，请按提示修改",
        },
        ImportRowsException import => WithRows(new ProblemDetails { Status = 400, Title = import.Message }, import.Rows, import.Total),
        RuleException rule => WithCode(new ProblemDetails { Status = 409, Title = rule.Message }, rule.Code),
        ForbiddenException { Code: { } code } forbidden => WithCode(new ProblemDetails { Status = 403, Title = forbidden.Message }, code),
        ForbiddenException forbidden => new ProblemDetails { Status = 403, Title = forbidden.Message },
        NotFoundException notFound => new ProblemDetails { Status = 404, Title = notFound.Message },
        PayloadTooLargeException tooLarge => WithCode(new ProblemDetails { Status = 413, Title = tooLarge.Message }, "upload.too-large"),
        LockedException locked => WithCode(new ProblemDetails { Status = 423, Title = locked.Message }, "auth.locked"),
        // A value of the wrong type or out of range names its field, as a rule's 400 does.
        BadHttpRequestException { InnerException: JsonException json } when InputJson.FieldOf(json) is { } field => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [field] = [json.Message == Kechuang.Platform.Validation.PlausibleDates.Message ? json.Message : "格式或类型不正确"] })
        {
            Status = 400,
            Title = "请求格式不正确，请检查 JSON 字段与类型",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode == 413 ? 413 : 400,
            Title = bad.StatusCode == 413 ? "上传的文件过大，请拆分为几个文件分批上传" : "请求格式不正确，请检查 JSON 字段与类型",
        },
        // A value that does not decrypt (a key missing, a value changed): said as such, nothing about the value itself.
        Kechuang.Platform.Crypto.PersonalDataException => WithCode(new ProblemDetails
        {
            Status = 500,
            Title = "个人信息无法解密（密钥缺失或数据被改动），本次操作未完成，请联系管理员",
        }, "personal-data.unreadable"),
        _ when StorageProblems.Describe(exception) is { } storage => WithCode(
            new ProblemDetails { Status = 503, Title = $"{storage}，本次操作没有保存，请联系管理员" }, "storage.unavailable"),
        _ when StorageProblems.Unreachable(exception) => WithCode(
            new ProblemDetails { Status = 503, Title = "数据库暂时无法连接，本次操作没有完成，请稍后重试；如持续出现，请将追踪号提供给管理员" }, "database.unavailable"),
        _ => new ProblemDetails { Status = 500, Title = "系统内部错误，请将追踪号提供给管理员" },
    };

    private static ProblemDetails WithRows(ProblemDetails problem, IReadOnlyList<ImportRowError> rows, int total)
    {
        problem.Extensions["code"] = "import.bad-rows";
        problem.Extensions["total"] = total;
        problem.Extensions["rows"] = rows.Select(r => new { row = r.Row, column = r.Column, message = r.Message }).ToList();
        return problem;
    }

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }
}
