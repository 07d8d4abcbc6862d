using System.Globalization;
using Kechuang.Modules.Market;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Market;

public class AchievementRulesTests
{
    private static readonly Guid Owner = Guid.CreateVersion7();

    private static AchievementInput Input(string? title = "一种高效节能电机", Guid? owner = null, string? field = "智能装备", IReadOnlyList<string>? keywords = null,
        string? maturity = null, string? linkedIp = null, string? description = "成果简介", decimal? price = null, string? contactName = null,
        string? contactPhone = null) =>
        new(title, owner ?? Owner, field, keywords, maturity, linkedIp, description, price, contactName, contactPhone);

    private static (AchievementInputValid? Valid, IReadOnlyDictionary<string, string[]> Errors) Validate(AchievementInput input)
    {
        var errors = new FieldErrors();
        var valid = AchievementRules.Validate(input, errors);
        return (valid, errors.ToDictionary());
    }

    [Fact]
    public void Names_AreTheMarketsChoices()
    {
        Assert.Equal(["智能装备", "先进制造", "生命健康", "新材料", "电子信息", "现代农业", "节能环保", "新能源", "文化创意", "其他"], AchievementRules.Fields);
        Assert.Equal(["概念验证", "实验室阶段", "中试阶段", "小批量生产", "产业化"], Enum.GetValues<Maturity>().Select(m => AchievementRules.MaturityNames[m]));
        Assert.Equal(["挂牌中", "拍卖中", "已成交", "已撤回"], Enum.GetValues<AchievementStatus>().Select(s => AchievementRules.StatusNames[s]));
    }

    [Fact]
    public void SplitKeywords_OnFullAndHalfWidthSemicolonsAndCommas()
    {
        Assert.Equal(["电机", "节能", "永磁", "控制", "驱动"], AchievementRules.SplitKeywords(" 电机；节能;永磁，控制,驱动 "));
        Assert.Equal(["电机", "节能"], AchievementRules.SplitKeywords("电机；； ；节能；"));
        Assert.Empty(AchievementRules.SplitKeywords(""));
    }

    [Fact]
    public void Validate_MinimalInput_DefaultsToLaboratoryAndNullOptionals()
    {
        var (valid, errors) = Validate(Input(title: " 一种高效节能电机 ", field: " 智能装备 ", description: " 成果简介 ", linkedIp: " ", contactName: "", contactPhone: null));

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.Equal(("一种高效节能电机", Owner, "智能装备", Maturity.Laboratory, "成果简介"), (valid.Title, valid.OwnerOrganizationId, valid.Field, valid.Maturity, valid.Description));
        Assert.Empty(valid.Keywords);
        Assert.Null(valid.LinkedIp);
        Assert.Null(valid.ExpectedPriceFen);
        Assert.Null(valid.ContactName);
        Assert.Null(valid.ContactPhone);
    }

    [Fact]
    public void Validate_FullInput_KeepsEveryField()
    {
        var (valid, errors) = Validate(Input(keywords: [" 电机 ", "", null!, "  ", "节能", "电机"], maturity: "pilot", linkedIp: " ZL202310000001.1 ", price: 1_000_000.5m,
            contactName: " 李四 ", contactPhone: " 0579-87654321 "));

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.Equal(["电机", "节能"], valid.Keywords);
        Assert.Equal(Maturity.Pilot, valid.Maturity);
        Assert.Equal("ZL202310000001.1", valid.LinkedIp);
        Assert.Equal(100_000_050L, valid.ExpectedPriceFen);
        Assert.Equal("李四", valid.ContactName);
        Assert.Equal("0579-87654321", valid.ContactPhone);
    }

    [Fact]
    public void Validate_MaturityByChineseName_AndUnknownIsAnError()
    {
        Assert.Equal(Maturity.Industrialized, Validate(Input(maturity: "产业化")).Valid!.Maturity);

        var (valid, errors) = Validate(Input(maturity: "mass-production"));
        Assert.Null(valid);
        Assert.StartsWith("成熟度取值无效，可选：concept（概念验证）", errors["maturity"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyInput_NamesEveryRequiredField()
    {
        var (valid, errors) = Validate(new AchievementInput(null, null, null, null, null, null, null, null, null, null));

        Assert.Null(valid);
        Assert.Equal(["请填写成果名称"], errors["title"]);
        Assert.Equal(["请选择成果所有单位"], errors["ownerOrganizationId"]);
        Assert.Equal(["请选择技术领域"], errors["field"]);
        Assert.Equal(["请填写成果简介"], errors["description"]);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Validate_EmptyOwnerGuid_IsMissing()
    {
        var (valid, errors) = Validate(Input(owner: Guid.Empty));

        Assert.Null(valid);
        Assert.Equal(["请选择成果所有单位"], errors["ownerOrganizationId"]);
    }

    [Fact]
    public void Validate_UnknownField_ListsTheChoices()
    {
        var (valid, errors) = Validate(Input(field: "人工智能"));

        Assert.Null(valid);
        Assert.Equal(["技术领域取值无效，可选：智能装备、先进制造、生命健康、新材料、电子信息、现代农业、节能环保、新能源、文化创意、其他"], errors["field"]);
    }

    [Fact]
    public void Validate_TenDistinctKeywords_AreTheLimit()
    {
        var ten = Enumerable.Range(1, 10).Select(i => $"词{i}").ToList();

        Assert.NotNull(Validate(Input(keywords: [.. ten, "词1", " 词2 "])).Valid);
        var (valid, errors) = Validate(Input(keywords: [.. ten, "词11"]));
        Assert.Null(valid);
        Assert.Equal(["关键词不能超过10个"], errors["keywords"]);
    }

    [Fact]
    public void Validate_KeywordOfTwentyCharacters_IsTheLimit_AndNoFullWidthSemicolon()
    {
        Assert.NotNull(Validate(Input(keywords: [new string('词', 20)])).Valid);

        var tooLong = Validate(Input(keywords: [new string('词', 21)]));
        var separator = Validate(Input(keywords: ["电机；节能"]));

        Assert.Equal(["每个关键词不能超过20个字符，且不能含“；”"], tooLong.Errors["keywords"]);
        Assert.Equal(["每个关键词不能超过20个字符，且不能含“；”"], separator.Errors["keywords"]);
    }

    [Theory]
    [InlineData("0.01", 1L)]
    [InlineData("100000000000", 10_000_000_000_000L)]  // 1000亿元 is the largest price taken
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("100000000000.01", null)]
    [InlineData("1.005", null)]
    public void Validate_ExpectedPrice_PositiveYuanWithAtMostTwoDecimals(string price, long? fen)
    {
        var (valid, errors) = Validate(Input(price: decimal.Parse(price, CultureInfo.InvariantCulture)));

        Assert.Equal(fen, valid?.ExpectedPriceFen);
        Assert.Equal(fen is null ? new[] { "意向价格须为正数（元），最多两位小数" } : null, errors.GetValueOrDefault("expectedPrice"));
    }

    [Theory]
    [InlineData("title", 200, "成果名称不能超过200个字符")]
    [InlineData("linkedIp", 500, "关联知识产权不能超过500个字符")]
    [InlineData("description", 4000, "成果简介不能超过4000个字符")]
    [InlineData("contactName", 50, "联系人不能超过50个字符")]
    [InlineData("contactPhone", 20, "联系电话不能超过20个字符")]
    public void Validate_Texts_HaveLimits(string field, int limit, string message)
    {
        AchievementInput At(int length)
        {
            var text = new string('8', length);
            return field switch
            {
                "title" => Input(title: text),
                "linkedIp" => Input(linkedIp: text),
                "description" => Input(description: text),
                "contactName" => Input(contactName: text),
                _ => Input(contactPhone: text),
            };
        }

        Assert.NotNull(Validate(At(limit)).Valid);
        var (valid, errors) = Validate(At(limit + 1));
        Assert.Null(valid);
        Assert.Equal([message], errors[field]);
    }
}
