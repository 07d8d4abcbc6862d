using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// <c>/openapi/v1.json</c> as a client reads it: it passes Redocly's recommended lint, every operation is
/// named and summarised, and what it says about sign-in and problems is what the server does.
/// </summary>
public abstract class OpenApiTests(KechuangApp app)
{
    /// <summary>Lint warnings that are a decision rather than a defect, with the reason.</summary>
    private static readonly Dictionary<string, string> AcceptedWarnings = new(StringComparer.Ordinal)
    {
        ["info-license"] = "no licence has been chosen for the software yet; the document names none rather than invent one",
    };

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Document_PassesRecommendedLint()
    {
        var root = Repository.Root();
        var cli = Path.Combine(root, "tools", "openapi-lint", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: scripts/test.sh installs it (npm ci --prefix tools/openapi-lint)");
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-openapi-{Guid.NewGuid():N}.json");
        using var client = app.CreateClient();
        await File.WriteAllTextAsync(file, await client.GetStringAsync("/openapi/v1.json"));

        JsonElement report;
        try
        {
            report = await LintAsync(cli, Path.Combine(root, "tools", "openapi-lint", "redocly.yaml"), file);
        }
        finally
        {
            File.Delete(file);
        }

        var problems = report.GetProperty("problems").EnumerateArray().Select(p => new
        {
            Rule = p.GetProperty("ruleId").GetString()!,
            Severity = p.GetProperty("severity").GetString()!,
            Text = $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}",
        }).ToList();
        var failing = problems.Where(p => p.Severity == "error" || !AcceptedWarnings.ContainsKey(p.Rule)).Select(p => p.Text).ToList();
        Assert.True(failing.Count == 0, $"{failing.Count} lint problems:\n  " + string.Join("\n  ", failing.Take(50)));
        Assert.Equal(0, report.GetProperty("totals").GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueNameAChineseSummaryAndATag()
    {
        var operations = await OperationsAsync();

        Assert.True(operations.Count >= 100, $"only {operations.Count} operations described");
        foreach (var (key, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 }, $"{key} has no operationId");
            Assert.True(operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Any(c => c >= '\u4e00' && c <= '\u9fff'),
                $"{key} has no Chinese summary");
            Assert.True(operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() == 1, $"{key} has no tag");
        }
        var ids = operations.Select(o => o.Value.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Security_SaysWhatTheServerDoes_ForACallerWithoutCredentials()
    {
        var operations = await OperationsAsync();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var wrong = new List<string>();
        var published = 0;
        foreach (var ((method, path), operation) in operations)
        {
            var requirements = operation.GetProperty("security").EnumerateArray().ToList();
            var bearer = requirements.Count == 1 && requirements[0].TryGetProperty("bearer", out _);
            var open = requirements.Count == 1 && !requirements[0].EnumerateObject().Any();
            if (!bearer && !open)
            {
                wrong.Add($"{method} {path}: security is neither [{{bearer}}] nor [{{}}]");
                continue;
            }
            published += open ? 1 : 0;
            var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", _ => Guid.NewGuid().ToString());
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url));
            if (bearer != (response.StatusCode == HttpStatusCode.Unauthorized))
            {
                wrong.Add($"{method} {path}: documented {(bearer ? "bearer" : "public")}, answered {(int)response.StatusCode}");
            }
            if (bearer && !operation.GetProperty("responses").TryGetProperty("401", out _))
            {
                wrong.Add($"{method} {path}: needs a token but does not document 401");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.InRange(published, 5, 15);
    }

    [Theory]
    [InlineData("post", "/api/v1/auth/token", "200,400,401,403,429")]
    [InlineData("post", "/api/v1/auth/change-password", "204,400,401,429")]
    [InlineData("get", "/api/v1/achievements", "200,400")]
    [InlineData("get", "/api/v1/contracts/{id}", "200,401,403,404")]
    [InlineData("post", "/api/v1/contracts/{id}/register", "200,401,403,404,409")]
    [InlineData("post", "/api/v1/contracts/import", "200,400,401,403,409,413")]
    [InlineData("post", "/api/v1/lots/{lotId}/bids", "200,400,401,403,404,409")]
    [InlineData("get", "/api/v1/audit/verify", "200,401,403")]
    public async Task Responses_NameEveryProblemTheEndpointCanAnswer(string method, string path, string statuses)
    {
        var operation = (await OperationsAsync())[(method, path)];

        var responses = operation.GetProperty("responses").EnumerateObject().ToList();

        Assert.Equal(statuses, string.Join(",", responses.Select(r => r.Name)));
        foreach (var problem in responses.Where(r => r.Name[0] is '4' or '5'))
        {
            Assert.True(problem.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{problem.Name} is not a problem");
            Assert.Contains(problem.Value.GetProperty("description").GetString()!, c => c >= '\u4e00' && c <= '\u9fff');
        }
    }

    [Fact]
    public async Task Document_DeclaresTheBearerScheme_AndDescribesEveryTagInChinese()
    {
        using var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var tags = document.GetProperty("tags").EnumerateArray().ToList();
        Assert.True(tags.Count >= 10);
        Assert.All(tags, t => Assert.Contains(t.GetProperty("description").GetString()!, c => c >= '\u4e00' && c <= '\u9fff'));
        Assert.Equal("科创 Kechuang API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Dates_AreStringsWithTheirFormat()
    {
        using var client = app.CreateClient();
        var schemas = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("components").GetProperty("schemas");

        var dates = schemas.EnumerateObject()
            .SelectMany(s => s.Value.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => (Name: $"{s.Name}.{p.Name}", Schema: p.Value)) : [])
            .Where(p => p.Schema.TryGetProperty("format", out var format) && format.GetString() is "date" or "date-time")
            .ToList();

        Assert.Contains(dates, d => d.Name == "AuctionInput.startsAt");
        Assert.All(dates, d => Assert.Contains("string", d.Schema.TryGetProperty("type", out var type) ? type.ToString() : "", StringComparison.Ordinal));
    }

    private async Task<Dictionary<(string Method, string Path), JsonElement>> OperationsAsync()
    {
        using var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = new Dictionary<(string, string), JsonElement>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations[(operation.Name, path.Name)] = operation.Value.Clone();
            }
        }
        return operations;
    }

    private static async Task<JsonElement> LintAsync(string cli, string config, string file)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "lint", "--config", config, "--format=json", "--max-problems=10000", file })
        {
            start.ArgumentList.Add(argument);
        }
        // Offline: no usage reports and no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var json = await output;
        Assert.True(json.TrimStart().StartsWith('{'), $"redocly exited {process.ExitCode} without a report:\n{json}\n{await errors}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }


    public sealed class OnSqlite(SqliteApp app) : OpenApiTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OpenApiTests(app), IClassFixture<PostgresApp>;
}
