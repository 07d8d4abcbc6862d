using System.Net;
using System.Text.RegularExpressions;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>
/// The contract form's pickers offer only what the account may use, found on the server: an organisation account its
/// own organisation as seller, staff the sellers of their region that match what they typed, and everyone a buyer only by
/// at least two characters of its name, twenty at most. The form itself lists no organisation.
/// </summary>
public abstract partial class ContractPartiesTests(KechuangApp app)
{
    private const string Wuyi = "330723";

    private static async Task<List<(Guid Id, string Name, string RegionCode)>> PartiesAsync(HttpClient client, string side, string? q = null)
    {
        var response = await client.GetAsync($"/api/v1/contracts/parties?side={side}{(q is null ? "" : "&q=" + Uri.EscapeDataString(q))}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal(json.GetProperty("items").GetArrayLength(), json.GetProperty("total").GetInt32());
        return json.GetProperty("items").EnumerateArray()
            .Select(o => (o.GetProperty("id").GetGuid(), o.GetProperty("name").GetString()!, o.GetProperty("regionCode").GetString()!)).ToList();
    }

    [Fact]
    public async Task Enterprise_IsOfferedItselfAsSeller_AndBuyersOnlyBySearch()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var own = await app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.UserName == "shouxiangu").Select(a => a.OrganizationId!.Value).SingleAsync());

        var sellers = await PartiesAsync(enterprise, "seller");
        var sellersSearched = await PartiesAsync(enterprise, "seller", "浙江");
        var buyersUnsearched = await PartiesAsync(enterprise, "buyer");
        var buyersOneCharacter = await PartiesAsync(enterprise, "buyer", "浙");
        var buyers = await PartiesAsync(enterprise, "buyer", "浙江");

        Assert.Equal([own], sellers.Select(s => s.Id));
        Assert.Equal([own], sellersSearched.Select(s => s.Id));
        Assert.Empty(buyersUnsearched);
        Assert.Empty(buyersOneCharacter);
        Assert.All(buyers, b => Assert.Contains("浙江", b.Name, StringComparison.Ordinal));
        // There are more than twenty: the search is cut at twenty, not the whole directory.
        Assert.True(await app.WithDbAsync(db => db.Set<Kechuang.Modules.Directory.Organization>().CountAsync(o => o.Name.Contains("浙江"))) > 20);
        Assert.Equal(20, buyers.Count);
    }

    [Fact]
    public async Task CountyStaff_FindSellersOfTheirCountyOnly()
    {
        var panan = await app.ClientAsync("panan.staff");
        var wuyi = await app.ClientAsync("wuyi.staff");

        var none = await PartiesAsync(panan, "seller");
        var paNan = await PartiesAsync(panan, "seller", "磐安");
        var wuyiFromPanan = await PartiesAsync(panan, "seller", "寿仙谷");
        var wuyiFromWuyi = await PartiesAsync(wuyi, "seller", "寿仙谷");
        var byInitials = await PartiesAsync(wuyi, "seller", "sxg");

        Assert.Empty(none);
        Assert.NotEmpty(paNan);
        Assert.All(paNan, s => Assert.StartsWith("330727", s.RegionCode, StringComparison.Ordinal));
        Assert.Empty(wuyiFromPanan);
        Assert.Contains(wuyiFromWuyi, s => s.Name == "浙江寿仙谷医药股份有限公司");
        Assert.All(wuyiFromWuyi, s => Assert.StartsWith(Wuyi, s.RegionCode, StringComparison.Ordinal));
        Assert.Contains(byInitials, s => s.Name == "浙江寿仙谷医药股份有限公司");
    }

    [Fact]
    public async Task Pickers_RefuseRolesThatRegisterNoContract_AndNameTheSide()
    {
        var expert = await app.ClientAsync("expert.chen");
        var staff = await app.ClientAsync("wuyi.staff");

        var refused = await expert.GetAsync("/api/v1/contracts/parties?side=buyer&q=浙江");
        var noSide = await staff.GetAsync("/api/v1/contracts/parties?q=浙江");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("access.not-permitted", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noSide.StatusCode);
        Assert.True((await noSide.ReadJsonAsync()).GetProperty("errors").TryGetProperty("side", out _));
    }

    [Fact]
    public async Task NewContractForm_ListsNoOrganisation_ButTheEnterprisesOwn()
    {
        var panan = await app.ClientAsync("panan.staff");
        var enterprise = await app.ClientAsync("shouxiangu");

        var staffForm = WebUtility.HtmlDecode(await panan.GetStringAsync("/contracts/new"));
        var enterpriseForm = WebUtility.HtmlDecode(await enterprise.GetStringAsync("/contracts/new"));

        Assert.Contains("id=\"buyer-search\"", staffForm, StringComparison.Ordinal);
        Assert.Equal([""], Options(staffForm, "seller"));
        Assert.Equal([""], Options(staffForm, "buyer"));
        Assert.DoesNotContain("浙江寿仙谷医药股份有限公司", staffForm, StringComparison.Ordinal);
        Assert.DoesNotContain("浙江师范大学", staffForm, StringComparison.Ordinal);
        Assert.Equal(["浙江寿仙谷医药股份有限公司"], Options(enterpriseForm, "seller"));
        Assert.Equal([""], Options(enterpriseForm, "buyer"));
    }

    /// <summary>The text of each option of the select with this id.</summary>
    private static List<string> Options(string html, string id)
    {
        var select = Regex.Match(html, $"<select[^>]*id=\"{id}\"[^>]*>(?<body>.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"no select #{id}");
        return OptionTag().Matches(select.Groups["body"].Value).Select(m => m.Groups["value"].Value.Length == 0 ? "" : m.Groups["text"].Value.Trim()).ToList();
    }

    // Blazor writes an empty value as a bare attribute: <option value>.
    [GeneratedRegex("<option value(=\"(?<value>[^\"]*)\")?[^>]*>(?<text>[^<]*)</option>", RegexOptions.Singleline)]
    private static partial Regex OptionTag();

    public sealed class OnSqlite(SqliteApp app) : ContractPartiesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractPartiesTests(app), IClassFixture<PostgresApp>;
}
