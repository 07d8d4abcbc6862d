using Kechuang.Platform.Ui;

namespace Kechuang.Tests.Unit.Ui;

public class AuditVocabularyTests
{
    private sealed class Vocabulary(int order) : IAuditVocabulary
    {
        public int Order => order;

        public IReadOnlyList<KeyValuePair<string, string>> Entities { get; init; } = [];

        public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

        public IReadOnlyList<KeyValuePair<string, string>> Actions { get; init; } = [];
    }

    [Fact]
    public void Entities_AndActions_FollowTheDeclaredOrder()
    {
        var names = new AuditNames([
            new Vocabulary(1000) { Entities = [new("audit_entry", "审计日志")] },
            new Vocabulary(0) { Entities = [new("access_account", "账号")], Actions = [new("create", "新增"), new("sign-in", "登录成功")] },
            new Vocabulary(100) { Entities = [new("directory_person", "人员")], Actions = [new("screen", "筛查")] },
        ]);

        Assert.Equal(["access_account", "directory_person", "audit_entry"], names.Entities.Select(e => e.Key));
        Assert.Equal(["create", "sign-in", "screen"], names.Actions.Select(a => a.Key));
        Assert.Equal("人员", names.Entity("directory_person"));
        Assert.Equal("筛查", names.Action("screen"));
    }

    [Fact]
    public void Names_NotContributed_AreShownAsRecorded()
    {
        var names = new AuditNames([new Vocabulary(0)]);

        Assert.Equal("contracts_contract", names.Entity("contracts_contract"));
        Assert.Equal("download", names.Action("download"));
        Assert.Equal("Sha256", names.Field("contracts_attachment", "Sha256"));
    }

    [Fact]
    public void Field_OfAnOwnedTable_UsesItsOwnersName_ElseTheFirstContributed()
    {
        var names = new AuditNames([
            new Vocabulary(100) { Entities = [new("directory_person", "人员")], Fields = new Dictionary<string, string> { ["Title"] = "职称/职务" } },
            new Vocabulary(500) { Entities = [new("market_achievement", "科技成果")], Fields = new Dictionary<string, string> { ["Title"] = "成果名称" } },
            new Vocabulary(0) { Fields = new Dictionary<string, string> { ["Id"] = "标识" } },
        ]);

        Assert.Equal("职称/职务", names.Field("directory_person", "Title"));
        Assert.Equal("成果名称", names.Field("market_achievement", "Title"));
        Assert.Equal("职称/职务", names.Field("contracts_contract", "Title"));
        Assert.Equal("标识", names.Field("market_achievement", "Id"));
    }

    [Fact]
    public void Field_NamedForOneTable_WinsOverTheModulesName_OnThatTableOnly()
    {
        var names = new AuditNames([
            new Vocabulary(700)
            {
                Entities = [new("suggestions_suggestion", "人大代表建议"), new("suggestions_reply_version", "答复函版本")],
                Fields = new Dictionary<string, string> { ["Number"] = "建议编号", ["suggestions_reply_version.Number"] = "版本号" },
            },
        ]);

        Assert.Equal("版本号", names.Field("suggestions_reply_version", "Number"));
        Assert.Equal("建议编号", names.Field("suggestions_suggestion", "Number"));
    }
}
