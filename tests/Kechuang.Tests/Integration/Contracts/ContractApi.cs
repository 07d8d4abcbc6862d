using System.Net.Http.Headers;
using Kechuang.Modules.Directory.Public;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>Shared arrangements of the contract tests: organisation ids, a contract body, a created-and-moved contract, uploads.</summary>
internal static class ContractApi
{
    public const string Shouxiangu = "浙江寿仙谷医药股份有限公司";
    public const string Hengda = "武义县恒达电动工具有限公司";
    public const string Bencao = "磐安县本草中药饮片有限公司";
    public const string Zju = "浙江大学";

    public static Task<OrganizationInfo> OrgAsync(KechuangApp app, string name) =>
        app.WithServiceAsync<IOrganizationDirectory, OrganizationInfo>(async d => (await d.ListAnywhereAsync()).Single(o => o.Name == name));

    public static async Task<object> BodyAsync(KechuangApp app, string title, decimal amount = 100000m, decimal? transaction = null,
        string seller = Hengda, string buyer = Zju, string type = "development-commissioned", string? transferKind = null, string signDate = "2026-02-10") => new
        {
            title,
            type,
            transferKind,
            sellerId = (await OrgAsync(app, seller)).Id,
            buyerId = (await OrgAsync(app, buyer)).Id,
            signDate,
            amount,
            transactionAmount = transaction ?? amount,
        };

    public static string Unique(string title) => $"{title}-{Guid.NewGuid():N}"[..Math.Min(title.Length + 13, 200)];

    /// <summary>Creates a contract as <paramref name="client"/> and moves it through the given steps (submit, review …).</summary>
    public static async Task<Guid> CreateAsync(HttpClient client, object body, params string[] steps)
    {
        var id = await (await client.PostJsonAsync("/api/v1/contracts", body)).CreatedIdAsync();
        foreach (var step in steps)
        {
            var response = await client.PostAsync($"/api/v1/contracts/{id}/{step}", null);
            Assert.True(response.IsSuccessStatusCode, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return id;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows.Select(r => r.ToDictionary(k => k.Key, k => k.Value)).ToList());
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "contracts.xlsx");
        return await client.PostAsync("/api/v1/contracts/import", content);
    }

    public static Dictionary<string, object?> Row(string title, string seller, string buyer, decimal amount, decimal transaction,
        string type = "委托开发", string signDate = "2026-01-15", string? number = null, string? registeredOn = null) => new()
        {
            ["合同名称"] = title,
            ["合同类型"] = type,
            ["技术转让类别"] = null,
            ["卖方名称"] = seller,
            ["卖方统一社会信用代码"] = null,
            ["买方名称"] = buyer,
            ["买方统一社会信用代码"] = null,
            ["签订日期"] = signDate,
            ["合同成交额（元）"] = amount,
            ["技术交易额（元）"] = transaction,
            ["登记号"] = number,
            ["登记日期"] = registeredOn,
            ["状态"] = null,
            ["登记地区"] = null,
        };
}
