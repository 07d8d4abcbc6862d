using System.Net.Http.Headers;
using Kechuang.Modules.Directory.Public;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Transfer;

/// <summary>Arranging the module's records through the API, each test with its own names.</summary>
internal static class TransferScenario
{
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<Guid> InstitutionAsync(KechuangApp app, string name = "浙江大学") =>
        (await app.WithServiceAsync<IOrganizationDirectory, OrganizationInfo?>(d => d.FindByNameAsync(name)))!.Id;

    public static async Task<(Guid Id, string CreditCode, string Name)> CreateEnterpriseAsync(HttpClient staff, string region = "330723105")
    {
        var code = KechuangApp.NewCreditCode(region[..6]);
        var name = Unique("转移测试企业");
        var id = await (await staff.PostJsonAsync("/api/v1/organizations", new { name, kind = "enterprise", creditCode = code, regionCode = region })).CreatedIdAsync();
        return (id, code, name);
    }

    public static object Station(string name, Guid institutionId, string region = "330723105") =>
        new { name, institutionId, regionCode = region, openedOn = "2024-05-10", staff = "张三（站长）", fields = "智能制造", contact = "0579-87660000" };

    public static object Demand(Guid? enterpriseId, string title, string kind = "technology", decimal? budget = 300000m) =>
        new { enterpriseId, kind, title, description = "希望与高校合作攻关", field = "智能制造", budget, deadline = "2026-12-31", collectedOn = "2026-02-10" };

    public static object Cooperation(Guid enterpriseId, Guid institutionId, string title, Guid? demandId = null, Guid? contractId = null) =>
        new { title, enterpriseId, institutionId, kind = "joint-development", amount = 200000m, signedOn = "2026-02-20", demandId, contractId };

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "transfer.xlsx");
        return await client.PostAsync(path, content);
    }

    public static async Task<List<IDictionary<string, object?>>> ExportAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}
