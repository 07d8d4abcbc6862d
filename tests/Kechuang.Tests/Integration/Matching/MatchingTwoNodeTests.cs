using System.Diagnostics;
using System.Net;
using Kechuang.Tests.Integration.Market;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kechuang.Tests.Integration.Matching;

/// <summary>
/// Two application instances over one PostgreSQL database, each with its own index folder: an achievement saved through
/// one node is found through the other within five seconds, because each node follows the change log in the database.
/// </summary>
public sealed class MatchingTwoNodeTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task AchievementSavedThroughOneNode_IsFoundThroughTheOther_WithinFiveSeconds()
    {
        var folders = new[] { Folder("a"), Folder("b") };
        using var nodeA = Node(folders[0]);
        using var nodeB = Node(folders[1]);
        var staff = await app.ClientAsync("wuyi.staff");
        using var a = Client(nodeA, staff);
        using var b = Client(nodeB, staff);
        var title = $"高真空多层绝热容器制备技术{Guid.NewGuid():N}"[..24];
        var query = new { text = title, field = "新材料", top = 10 };
        // Node B opens and builds its own index before the record exists.
        var first = await b.PostJsonAsync("/api/v1/matching/achievements", query);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var id = await (await a.PostJsonAsync("/api/v1/achievements", new
        {
            title,
            ownerOrganizationId = await MarketScenario.InstitutionAsync(a, "浙江工业大学"),
            field = "新材料",
            keywords = new[] { "真空绝热", "多层绝热", "吸气剂" },
            maturity = "中试阶段",
            description = "多层绝热结构与吸气剂延长真空寿命，容器绝热性能衰减慢。",
        })).CreatedIdAsync();
        var clock = Stopwatch.StartNew();
        var found = false;
        while (!found && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            var list = await (await b.PostJsonAsync("/api/v1/matching/achievements", query)).ReadJsonAsync();
            found = list.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id);
            if (!found)
            {
                await Task.Delay(200);
            }
        }

        Assert.True(found, $"not found through the other node after {clock.Elapsed.TotalSeconds:0.0} s");
        // Each node wrote an index of its own: nothing was shared through the file system.
        Assert.All(folders, f => Assert.NotEmpty(System.IO.Directory.EnumerateFiles(f)));
    }

    private static string Folder(string node) => Path.Combine(Path.GetTempPath(), "kechuang-matching-nodes", $"{node}-{Guid.NewGuid():N}");

    private WebApplicationFactory<Program> Node(string folder) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Matching:IndexPath", folder);
            b.UseSetting("Matching:PollMilliseconds", "1000");
            b.UseSetting("Market:SweepSeconds", "0");
        });

    private static HttpClient Client(WebApplicationFactory<Program> node, HttpClient signedIn)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }
}
