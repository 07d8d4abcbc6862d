using Kechuang.Platform.Ui;

namespace Kechuang.Tests.Unit.Ui;

public class AuditNamesTests
{
    [Fact]
    public void Diff_UpdatedRecord_MarksOnlyChangedFields()
    {
        var diff = AuditNames.Diff("{\"Name\":\"甲\",\"Address\":\"武义\",\"Disabled\":false}", "{\"Name\":\"乙\",\"Address\":\"武义\",\"Disabled\":true}");

        Assert.Equal(["Address", "Disabled", "Name"], diff.Select(d => d.Field));
        Assert.Equal([false, true, true], diff.Select(d => d.Changed));
        Assert.Equal(("否", "是"), (diff[1].Before, diff[1].After));
    }

    [Fact]
    public void Diff_CreatedRecord_ShowsValuesAfterWithoutMarkingChanges()
    {
        var diff = AuditNames.Diff(null, "{\"Name\":\"甲\",\"Phone\":null}");

        Assert.Equal(2, diff.Count);
        Assert.All(diff, d => Assert.False(d.Changed));
        Assert.Null(diff.Single(d => d.Field == "Phone").After);
    }

    [Fact]
    public void Diff_TextThatIsNotJson_IsShownAsOneValue()
    {
        var diff = AuditNames.Diff(null, "not json");

        Assert.Equal("not json", Assert.Single(diff).After);
    }

    [Theory]
    [InlineData("anonymous", "（登录过程）")]
    [InlineData("system:startup", "系统（启动初始化）")]
    [InlineData("system:audit-verify", "系统（audit-verify）")]
    [InlineData("wuyi.staff", "wuyi.staff")]
    public void Account_NamesWhoActed(string account, string expected)
    {
        Assert.Equal(expected, AuditNames.Account(account));
    }
}
