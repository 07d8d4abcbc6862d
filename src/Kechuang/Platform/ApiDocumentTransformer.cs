using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kechuang.Platform;

/// <summary>The document's title and introduction, its server, and a Chinese description for every tag.</summary>
internal sealed class ApiDocumentTransformer(IHttpContextAccessor http) : IOpenApiDocumentTransformer
{
    private const string Introduction =
        "县（市、区）科技局业务平台的 HTTP 接口。\n\n" +
        "**认证**：用 `POST /api/v1/auth/token` 以用户名和密码换取访问令牌，之后在请求头 `Authorization: Bearer <令牌>` 中携带；" +
        "页面登录后的 Cookie 同样有效。除注明公开的接口外，均须登录。\n\n" +
        "**数据范围**：每个账号只能看到和修改其行政区划（企业、院所账号为本单位）内的记录，范围之外的记录按不存在处理（404）。\n\n" +
        "**错误**：均为 `application/problem+json`，`title` 为中文说明。" +
        "400 输入有误，`errors` 按字段列出中文提示，导入文件有错误时 `rows` 列出每个错误行；" +
        "409 违反业务规则，`code` 为稳定的点分代码（如 `contracts.invalid-transition`）。被拒绝的请求不做任何更改。" +
        "500 只给出追踪号 `traceId`，不含异常信息。";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "科创 Kechuang API",
            Version = "v1",
            Description = Introduction,
        };
        // Relative to wherever the document was read from, so it holds behind a proxy and on every node.
        var pathBase = http.HttpContext?.Request.PathBase.Value;
        document.Servers = [new OpenApiServer { Url = string.IsNullOrEmpty(pathBase) ? "/" : pathBase, Description = "本服务器" }];
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && ApiDocs.TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
        DescribeProblemMembers(document);
        return Task.CompletedTask;
    }

    /// <summary>The members <see cref="Problems.ProblemHandler"/> adds to problems, which the framework's schemas do not know.</summary>
    private static void DescribeProblemMembers(OpenApiDocument document)
    {
        foreach (var id in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            if (document.Components?.Schemas?.TryGetValue(id, out var found) != true || found is not OpenApiSchema schema)
            {
                continue;
            }
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["code"] = Text("稳定的点分问题代码，如 contracts.invalid-transition、auth.locked、import.bad-rows");
            schema.Properties["traceId"] = Text("追踪号：报告问题时提供给管理员");
            {
                schema.Properties["rows"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = "导入文件的每个错误单元格（code 为 import.bad-rows 时）",
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["row"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Excel 行号（表头为第1行）" },
                            ["column"] = Text("列标题"),
                            ["message"] = Text("错误原因"),
                        },
                    },
                };
            }
        }
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
