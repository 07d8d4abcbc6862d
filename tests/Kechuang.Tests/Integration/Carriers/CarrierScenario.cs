using System.Net.Http.Headers;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>Arranging carriers and their tenants through the API, each test with its own names and credit codes.</summary>
internal static class CarrierScenario
{
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    public static object Carrier(string name, string kind = "incubator", string region = "330723105", string status = "operating",
        string? opened = "2023-01-10", Guid? parentId = null, decimal? area = 1200.5m, string? level = "county") =>
        new { name, kind, level, regionCode = region, parentId, address = "武义县茭道镇", area, openedOn = opened, status };

    public static async Task<Guid> CreateCarrierAsync(HttpClient staff, string name, string kind = "incubator", string region = "330723105", Guid? parentId = null) =>
        await (await staff.PostJsonAsync("/api/v1/carriers", Carrier(name, kind, region, parentId: parentId))).CreatedIdAsync();

    /// <summary>A new enterprise in the directory (through its API); returns its id and credit code.</summary>
    public static async Task<(Guid Id, string CreditCode, string Name)> CreateEnterpriseAsync(HttpClient staff, string region = "330723105")
    {
        var code = KechuangApp.NewCreditCode(region[..6]);
        var name = Unique("载体测试企业");
        var id = await (await staff.PostJsonAsync("/api/v1/organizations", new { name, kind = "enterprise", creditCode = code, regionCode = region })).CreatedIdAsync();
        return (id, code, name);
    }

    public static async Task<Guid> AddTenancyAsync(HttpClient staff, Guid carrierId, Guid enterpriseId, string kind, string entered, string? left = null) =>
        await (await staff.PostJsonAsync($"/api/v1/carriers/{carrierId}/tenancies", new { enterpriseId, kind, enteredOn = entered, leftOn = left })).CreatedIdAsync();

    public static Dictionary<string, object?> Row(string carrier, string enterprise, string code, string kind, object? entered, object? left = null) => new()
    {
        ["载体名称"] = carrier,
        ["企业名称"] = enterprise,
        ["统一社会信用代码"] = code,
        ["入驻类型"] = kind,
        ["入驻（注册）日期"] = entered,
        ["迁出日期"] = left,
    };

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "tenancies.xlsx");
        return await client.PostAsync("/api/v1/carriers/tenancies/import", content);
    }
}
