using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kechuang.Platform;

/// <summary>
/// Per operation: the bearer requirement when the endpoint needs a signed-in user (decided as the
/// authorization middleware decides, fallback policy included), an explicitly empty one when it is published,
/// and the problems every endpoint of its kind can answer (see <see cref="Problems.ProblemHandler"/>):
/// <list type="bullet">
/// <item>400 when it reads a body, a form or the query (malformed or invalid input);</item>
/// <item>401 and 403 when it needs a signed-in user (no or a bad token; a role or data scope that does not
/// allow it, or a password that must be changed first);</item>
/// <item>404 when the route names a record;</item>
/// <item>413 when it takes an uploaded file.</item>
/// </list>
/// Every response is described in Chinese.
/// </summary>
internal sealed class ApiOperationTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var document = context.Document ?? throw new InvalidOperationException("The operation is not part of a document.");
        var signedIn = await NeedsSignedInUserAsync(description.ActionDescriptor.EndpointMetadata);
        operation.Security = [signedIn ? BearerRequirement(document) : new OpenApiSecurityRequirement()];
        if (description.ActionDescriptor.EndpointMetadata.OfType<Access.Permission>().LastOrDefault() is { } permission)
        {
            // The row of the role-permission table the handler checks: a client sees who may call before it tries.
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-permission"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(permission.Key));
            var roles = string.Join("、", permission.Roles.Select(r => Access.Roles.Names[r]));
            operation.Description = $"{(string.IsNullOrEmpty(operation.Description) ? "" : operation.Description + "\n\n")}权限：{permission.Name}（{roles}）。";
        }

        var sources = description.ParameterDescriptions.Select(p => p.Source).ToList();
        var upload = sources.Contains(BindingSource.FormFile)
            || description.ParameterDescriptions.Any(p => p.Type == typeof(IFormFile) || p.Type == typeof(IFormFileCollection));
        var responses = operation.Responses ?? new OpenApiResponses();
        if (upload || sources.Any(s => s == BindingSource.Body || s == BindingSource.Form || s == BindingSource.Query))
        {
            await AddProblemAsync(responses, 400, typeof(HttpValidationProblemDetails), context, cancellationToken);
        }
        if (signedIn)
        {
            await AddProblemAsync(responses, 401, typeof(ProblemDetails), context, cancellationToken);
            await AddProblemAsync(responses, 403, typeof(ProblemDetails), context, cancellationToken);
        }
        if (sources.Contains(BindingSource.Path))
        {
            await AddProblemAsync(responses, 404, typeof(ProblemDetails), context, cancellationToken);
        }
        if (upload)
        {
            await AddProblemAsync(responses, 413, typeof(ProblemDetails), context, cancellationToken);
        }

        var ordered = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (response is OpenApiResponse concrete && Describe(status, signedIn, upload) is { } text)
            {
                concrete.Description = text;
            }
            ordered[status] = response;
        }
        operation.Responses = ordered;
    }

    private async Task<bool> NeedsSignedInUserAsync(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return false;
        }
        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>().ToList(), metadata.OfType<AuthorizationPolicy>().ToList());
        return policy is not null;
    }

    private static OpenApiSecurityRequirement BearerRequirement(OpenApiDocument document)
    {
        if (document.Components?.SecuritySchemes?.ContainsKey(ApiDocs.BearerScheme) != true)
        {
            document.AddComponent<IOpenApiSecurityScheme>(ApiDocs.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "POST /api/v1/auth/token 换取的访问令牌，放在请求头 Authorization: Bearer <令牌> 中。",
            });
        }
        return new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocs.BearerScheme, document)] = [] };
    }

    private static async Task AddProblemAsync(OpenApiResponses responses, int status, Type problem, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.ContainsKey(key))
        {
            return;
        }
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(problem.Name) != true)
        {
            document.AddComponent<IOpenApiSchema>(problem.Name, await context.GetOrCreateSchemaAsync(problem, null, cancellationToken));
        }
        responses[key] = new OpenApiResponse
        {
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(problem.Name, document) },
            },
        };
    }

    private static string? Describe(string status, bool signedIn, bool upload) => status switch
    {
        "200" => "成功",
        "201" => "已创建，Location 指向新记录",
        "204" => "已完成，无返回内容",
        "400" => upload
            ? "文件或输入有误：errors 按字段列出中文提示，导入文件有错误时 rows 列出每个错误单元格及原因；未做任何更改"
            : "输入有误：errors 按字段列出中文提示，未做任何更改",
        "401" => signedIn ? "未登录，或访问令牌无效、已过期" : "用户名或密码错误（code: auth.bad-credentials），或须提供动态口令（code: auth.second-factor-required）",
        "403" => signedIn
            ? "无权执行此操作：角色不允许（code: access.not-permitted）、记录不在本账号的数据范围内，或须先修改密码（code: auth.password-change-required）"
            : "首次登录或密码已过期，须先修改密码（code: auth.password-change-required），或须先在网页绑定动态口令（code: auth.second-factor-enrolment-required）",
        "404" => "记录不存在或不在本账号的数据范围内",
        "409" => "违反业务规则：code 为稳定的点分代码，title 为中文说明，未做任何更改",
        "413" => "上传的文件超过大小上限，请拆分后分批上传",
        "423" => "账号已锁定（code: auth.locked），30分钟后自动解锁，或由管理员解锁",
        "429" => "登录尝试过于频繁（code: auth.throttled）：Retry-After 给出须等待的秒数",
        _ => null,
    };
}
