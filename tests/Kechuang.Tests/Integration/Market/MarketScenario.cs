using System.Text.Json;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Market;

/// <summary>Arranges a session through the API: an achievement, a session around the app's clock, a lot, registered bidders.</summary>
internal static class MarketScenario
{
    public sealed record Session(Guid AuctionId, Guid LotId, DateTime StartsAt, DateTime EndsAt, IReadOnlyList<HttpClient> Bidders, IReadOnlyList<Guid> BidderOrganizations)
    {
        /// <summary>The bidders' account names (password <see cref="KechuangApp.Password"/>), to sign in on another host.</summary>
        public IReadOnlyList<string> BidderAccounts => BidderOrganizations.Select((_, i) => $"bidder-{Tag}{i}").ToList();

        public string Tag { get; init; } = "";
    }

    public static DateTime Now(KechuangApp app) => app.Clock.GetUtcNow().UtcDateTime;

    public static async Task<Guid> InstitutionAsync(HttpClient staff, string name)
    {
        var list = await (await staff.GetAsync($"/api/v1/organizations?q={Uri.EscapeDataString(name)}&kind=institution")).ReadJsonAsync();
        return list.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> AchievementAsync(HttpClient staff, string title, string owner = "浙江工业大学")
    {
        var ownerId = await InstitutionAsync(staff, owner);
        var response = await staff.PostJsonAsync("/api/v1/achievements", new
        {
            title,
            ownerOrganizationId = ownerId,
            field = "智能装备",
            keywords = new[] { "电动工具", "测试" },
            description = "用于测试的科技成果。",
            expectedPrice = 1_000_000m,
        });
        return await response.CreatedIdAsync();
    }

    /// <summary>A session that starts <paramref name="startsIn"/> from now and lasts <paramref name="length"/>, with one lot and <paramref name="bidders"/> enterprises whose deposit is confirmed.</summary>
    public static async Task<Session> SessionAsync(KechuangApp app, int bidders, TimeSpan? startsIn = null, TimeSpan? length = null,
        decimal startingPrice = 1_000_000m, decimal increment = 10_000m, decimal? reservePrice = null, int softCloseSeconds = 300, bool confirmDeposit = true)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var starts = Now(app) + (startsIn ?? TimeSpan.FromMinutes(10));
        var ends = starts + (length ?? TimeSpan.FromHours(1));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var auctionId = await (await staff.PostJsonAsync("/api/v1/auctions", new
        {
            title = $"测试拍卖会 {tag}",
            regionCode = "330723",
            startsAt = starts,
            endsAt = ends,
            softCloseSeconds,
            depositRequired = true,
        })).CreatedIdAsync();
        var achievementId = await AchievementAsync(staff, $"测试成果 {tag}");
        var lotId = await (await staff.PostJsonAsync($"/api/v1/auctions/{auctionId}/lots", new { achievementId, startingPrice, increment, reservePrice })).CreatedIdAsync();
        var clients = new List<HttpClient>();
        var organizations = new List<Guid>();
        for (var i = 0; i < bidders; i++)
        {
            var (client, organizationId) = await EnterpriseAsync(app, $"{tag}{i}");
            var response = await staff.PostJsonAsync($"/api/v1/auctions/{auctionId}/bidders", new { organizationId, depositPaid = confirmDeposit });
            await response.CreatedIdAsync();
            clients.Add(client);
            organizations.Add(organizationId);
        }
        return new Session(auctionId, lotId, starts, ends, clients, organizations) { Tag = tag };
    }

    /// <summary>A new Wuyi enterprise and a signed-in client of an account of it.</summary>
    public static async Task<(HttpClient Client, Guid OrganizationId)> EnterpriseAsync(KechuangApp app, string tag)
    {
        var admin = await app.ClientAsync("admin");
        var organizationId = await (await admin.PostJsonAsync("/api/v1/organizations", new
        {
            name = $"武义竞买测试企业{tag}",
            kind = "enterprise",
            creditCode = KechuangApp.NewCreditCode(),
            regionCode = "330723101",
            address = "武义县桐琴镇",
        })).CreatedIdAsync();
        var userName = $"bidder-{tag}";
        await (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName,
            password = KechuangApp.Password,
            displayName = $"竞买人{tag}",
            role = "enterprise",
            regionCode = "330723",
            organizationId,
            mustChangePassword = false,
        })).CreatedIdAsync();
        return (await app.ClientAsync(userName), organizationId);
    }

    public static void AdvanceTo(KechuangApp app, DateTime utc)
    {
        var delta = utc - Now(app);
        if (delta > TimeSpan.Zero)
        {
            app.Clock.Advance(delta);
        }
    }

    public static async Task<JsonElement> LotAsync(HttpClient client, Guid lotId) => await (await client.GetAsync($"/api/v1/lots/{lotId}")).ReadJsonAsync();

    public static async Task<List<(int Seq, decimal Amount, Guid? Bidder, DateTime ReceivedAt)>> BidsAsync(HttpClient client, Guid lotId)
    {
        var json = await (await client.GetAsync($"/api/v1/lots/{lotId}/bids")).ReadJsonAsync();
        return json.GetProperty("items").EnumerateArray().Select(b => (b.GetProperty("seq").GetInt32(), b.GetProperty("amount").GetDecimal(),
            b.GetProperty("bidderOrganizationId").ValueKind == JsonValueKind.Null ? (Guid?)null : b.GetProperty("bidderOrganizationId").GetGuid(),
            b.GetProperty("receivedAt").GetDateTime().ToUniversalTime())).ToList();
    }
}
