using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Programs;

/// <summary>
/// A call's page offers 在此通知下申报 and 修改 by the rows their forms and handlers demand (programs.applications.submit,
/// programs.calls.change): an expert reads the call without either, an enterprise or institution may apply, staff may
/// also change it; the administrators of security and audit do not reach the page.
/// </summary>
public abstract class CallPageActionsTests(KechuangApp app)
{
    [Fact]
    public async Task OpenCall_OffersApplying_OnlyToTheRolesThatMaySubmit()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var call = await (await staff.PostJsonAsync("/api/v1/programs/calls", new
        {
            level = "county",
            year = 2026,
            category = "一般研发",
            title = $"申报入口测试通知{Guid.NewGuid():N}"[..20],
            opensOn = "2026-02-01",
            closesOn = "2026-04-01",
            guide = "测试指南",
            dropHighLow = true,
            noticeDays = 7,
            regionCode = "330723",
        })).CreatedIdAsync();
        var apply = $"href=\"/programs/applications/new?callId={call}\"";
        var edit = $"href=\"/programs/calls/{call}/edit\"";

        var offered = new Dictionary<string, (int Status, bool Apply, bool Edit)>();
        foreach (var account in new[] { "security", "auditor", "expert.chen", "shouxiangu", "zjnu", "wuyi.staff" })
        {
            using var client = await app.ClientAsync(account);
            using var response = await client.GetAsync($"/programs/calls/{call}");
            var page = await response.Content.ReadAsStringAsync();
            offered[account] = ((int)response.StatusCode, page.Contains(apply, StringComparison.Ordinal), page.Contains(edit, StringComparison.Ordinal));
        }

        Assert.Equal((403, false, false), offered["security"]);
        Assert.Equal((403, false, false), offered["auditor"]);
        Assert.Equal((200, false, false), offered["expert.chen"]);
        Assert.Equal((200, true, false), offered["shouxiangu"]);
        Assert.Equal((200, true, false), offered["zjnu"]);
        Assert.Equal((200, true, true), offered["wuyi.staff"]);
    }

    public sealed class OnSqlite(SqliteApp app) : CallPageActionsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CallPageActionsTests(app), IClassFixture<PostgresApp>;
}
