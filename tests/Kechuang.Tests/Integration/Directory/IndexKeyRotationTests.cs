using System.Net;
using Kechuang.Platform.Access;
using Kechuang.Platform.Crypto;
using Kechuang.Platform.Data;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Directory;

/// <summary>
/// Replacing the blind-index key (docs/security.md, S10): while <c>PersonalData:PreviousIndexKey</c> names the old one,
/// search by a whole number and the duplicate 身份证 check still find rows indexed under it; <c>rotate-personal-data-key</c>
/// rewrites every index under the new key (values stay under their data key), a second run changes nothing, and then
/// the new key alone finds them. Its own instance: the indexes it rewrites no longer match the instance's index key.
/// </summary>
public abstract class IndexKeyRotationTests(KechuangApp app)
{
    private static readonly string NewIndexKey = Convert.ToBase64String([.. Enumerable.Range(200, 32).Select(i => (byte)i)]);

    [Fact]
    public async Task ReplacedIndexKey_KeepsFindingNumbers_ThroughThePreviousKey_UntilTheCommandRewritesEveryIndex()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var idNumber = KechuangApp.NewIdNumber();
        var created = await (await staff.PostJsonAsync("/api/v1/people", new { name = "索引轮换", kind = "contact", phone, idNumber, regionCode = "330723" })).CreatedIdAsync();

        using var during = Node(previous: KechuangApp.PersonalDataIndexKey);
        using var after = Node(previous: null);
        var duringClient = Client(during, staff);
        var afterClient = Client(after, staff);

        // Replaced but not yet rewritten: the previous key still finds the number and still refuses the same 身份证.
        Assert.Equal([created], await FoundAsync(duringClient, phone));
        Assert.Equal([created], await FoundAsync(duringClient, idNumber));
        await AssertDuplicateAsync(duringClient, idNumber);
        // Without it, nothing indexed under the old key would be found (what the setting is for).
        Assert.Empty(await FoundAsync(afterClient, phone));

        RotationResult first, second;
        long protectedValues;
        await using (var db = Context())
        {
            var rotation = new PersonalDataRotation(db);
            protectedValues = (await rotation.CountByKeyAsync()).Values.Sum();
            first = await rotation.RotateAsync(batchSize: 50, null);
            second = await rotation.RotateAsync(batchSize: 50, null);
            // The values stay under their data key: only the indexes changed.
            Assert.Equal([KechuangApp.PersonalDataKeyId], (await rotation.CountByKeyAsync()).Keys);
        }
        Assert.Equal(protectedValues, first.Total);
        Assert.Equal(0, second.Total);

        Assert.Equal([created], await FoundAsync(afterClient, phone));
        Assert.Equal([created], await FoundAsync(afterClient, idNumber));
        await AssertDuplicateAsync(afterClient, idNumber);
    }

    private WebApplicationFactory<Program> Node(string? previous) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("PersonalData:IndexKey", NewIndexKey);
        b.UseSetting("PersonalData:PreviousIndexKey", previous ?? "");
    });

    /// <summary>A client of <paramref name="node"/> with the token <paramref name="signedIn"/> carries (nodes share the database and its tokens).</summary>
    private static HttpClient Client(WebApplicationFactory<Program> node, HttpClient signedIn)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static async Task<List<Guid>> FoundAsync(HttpClient client, string q) =>
        [.. (await (await client.GetAsync($"/api/v1/people?q={Uri.EscapeDataString(q)}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];

    private static async Task AssertDuplicateAsync(HttpClient client, string idNumber)
    {
        var refused = await client.PostJsonAsync("/api/v1/people", new { name = "重复登记", kind = "contact", idNumber = idNumber.ToLowerInvariant(), regionCode = "330723" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("directory.duplicate-id-number", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
    }

    /// <summary>What <c>rotate-personal-data-key</c> runs with once the new index key is configured.</summary>
    private KechuangDb Context()
    {
        var keys = new PersonalDataKeys(new Dictionary<string, byte[]> { [KechuangApp.PersonalDataKeyId] = Convert.FromBase64String(KechuangApp.PersonalDataKey) },
            KechuangApp.PersonalDataKeyId, Convert.FromBase64String(NewIndexKey), previousIndexKey: Convert.FromBase64String(KechuangApp.PersonalDataIndexKey));
        var cipher = new PersonalDataCipher(keys);
        var user = new CurrentUser();
        user.UseSystemScope("test");
        return app.Provider == Provider.Sqlite
            ? new SqliteKechuangDb(new DbContextOptionsBuilder<SqliteKechuangDb>().UseSqlite(app.ConnectionString).UseSnakeCaseNamingConvention().Options, user, TimeProvider.System, cipher)
            : new PostgresKechuangDb(new DbContextOptionsBuilder<PostgresKechuangDb>().UseNpgsql(app.ConnectionString).UseSnakeCaseNamingConvention().Options, user, TimeProvider.System, cipher);
    }

    public sealed class OnSqlite(SqliteApp app) : IndexKeyRotationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : IndexKeyRotationTests(app), IClassFixture<PostgresApp>;
}
