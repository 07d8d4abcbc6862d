using Kechuang.Modules.Directory;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Directory;

public class OrganizationRulesTests
{
    /// <summary>统一社会信用代码 of 阿里巴巴（中国）有限公司, as published on its licence.</summary>
    private const string Code = "91330100799655058B";

    private static OrganizationInput Input(string? name = "浙江某某科技有限公司", string? kind = "enterprise", string? creditCode = Code,
        string? region = "330723", string? address = null, string? contact = null, string? phone = null) =>
        new(name, kind, creditCode, region, address, contact, phone);

    private static (ValidOrganization? Valid, IReadOnlyDictionary<string, string[]> Errors) Validate(OrganizationInput input)
    {
        var errors = new FieldErrors();
        var valid = OrganizationRules.Validate(input, code => code == "330723", errors);
        return (valid, errors.ToDictionary());
    }

    [Fact]
    public void Validate_CompleteInput_IsNormalisedAndBlankOptionalsAreNull()
    {
        var (valid, errors) = Validate(Input(name: "  浙江某某科技有限公司 ", kind: "企业", creditCode: " 91330100799655058b ", address: "  ", contact: "", phone: null));

        Assert.Empty(errors);
        Assert.Equal(new ValidOrganization("浙江某某科技有限公司", OrganizationKind.Enterprise, Code, "330723", null, null, null), valid);
    }

    [Fact]
    public void Validate_OptionalFields_AreKeptTrimmed()
    {
        var (valid, _) = Validate(Input(kind: "institution", address: " 武义县壶山街道 ", contact: " 张三 ", phone: " 0579-8765 4321 "));

        Assert.Equal(new ValidOrganization("浙江某某科技有限公司", OrganizationKind.Institution, Code, "330723", "武义县壶山街道", "张三", "0579-87654321"), valid);
    }

    [Fact]
    public void Validate_EmptyInput_NamesEveryRequiredField()
    {
        var (valid, errors) = Validate(new OrganizationInput(null, null, null, null, null));

        Assert.Null(valid);
        Assert.Equal(["请填写组织名称"], errors["name"]);
        Assert.Equal(["请选择组织类型"], errors["kind"]);
        Assert.Equal(["请填写统一社会信用代码"], errors["creditCode"]);
        // An empty region is reported once, as missing, not also as unknown.
        Assert.Equal(["请填写所在行政区划"], errors["regionCode"]);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Validate_UnknownRegion_IsNamed()
    {
        var (valid, errors) = Validate(Input(region: "330799"));

        Assert.Null(valid);
        Assert.Equal(["行政区划代码“330799”不存在"], errors["regionCode"]);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_BadCreditCode_CarriesTheValidatorsMessage()
    {
        var (valid, errors) = Validate(Input(creditCode: "91330100799655058A"));

        Assert.Null(valid);
        Assert.Equal(["统一社会信用代码校验位错误：第18位应为“B”，实际为“A”"], errors["creditCode"]);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Validate_NameOfAHundredCharacters_IsTheLimit(int length, bool valid)
    {
        var (organization, errors) = Validate(Input(name: new string('科', length)));

        Assert.Equal(valid, organization is not null);
        Assert.Equal(valid ? null : "组织名称不能超过100个字符", errors.GetValueOrDefault("name")?.Single());
    }

    [Theory]
    [InlineData("address", 200, "地址不能超过200个字符")]
    [InlineData("contactName", 50, "联系人不能超过50个字符")]
    public void Validate_OptionalTexts_HaveLimits(string field, int limit, string message)
    {
        OrganizationInput At(int length) => field == "address" ? Input(address: new string('路', length)) : Input(contact: new string('张', length));

        Assert.NotNull(Validate(At(limit)).Valid);
        var (valid, errors) = Validate(At(limit + 1));
        Assert.Null(valid);
        Assert.Equal([message], errors[field]);
    }

    [Fact]
    public void Validate_UnknownKind_ListsTheChoices()
    {
        var (valid, errors) = Validate(Input(kind: "company"));

        Assert.Null(valid);
        Assert.StartsWith("组织类型取值无效，可选：enterprise（企业）", errors["kind"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadPhone_IsAnErrorOfContactPhone()
    {
        var (valid, errors) = Validate(Input(phone: "12345"));

        Assert.Null(valid);
        Assert.Equal(["电话号码格式不正确：手机号应为以1开头的11位数字，固定电话可含区号和“-”"], errors["contactPhone"]);
    }

    [Theory]
    [InlineData("13812341234", true)]         // mobile: 11 digits starting with 1
    [InlineData("138 1234 1234", true)]       // spaces are dropped
    [InlineData("1381234123", false)]         // 10 digits starting with 1: neither mobile nor landline
    [InlineData("138123412345", false)]       // 12 digits starting with 1
    [InlineData("1381234123a", false)]
    [InlineData("23812341234", true)]         // 11 digits not starting with 1: a landline with area code
    [InlineData("8227019", true)]             // landline: 7 characters is the shortest
    [InlineData("822701", false)]
    [InlineData("0579-82270195", true)]
    [InlineData("0579-8227-0195-12345", true)] // 20 characters
    [InlineData("0579-8227-0195-123456", false)] // 21 characters
    [InlineData("0579_82270195", false)]
    [InlineData("1234567", false)]            // a 7-digit number starting with 1 is no landline
    public void PhoneRules_MobileOrLandline(string phone, bool valid)
    {
        var errors = new FieldErrors();

        var value = PhoneRules.Check(errors, "phone", phone);

        Assert.Equal(phone.Replace(" ", "", StringComparison.Ordinal), value);
        Assert.Equal(!valid, errors.Any);
        if (!valid)
        {
            Assert.Equal(["phone"], errors.ToDictionary().Keys);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void PhoneRules_NoPhone_IsNullAndFine(string? phone)
    {
        var errors = new FieldErrors();

        Assert.Null(PhoneRules.Check(errors, "phone", phone));
        Assert.False(errors.Any);
    }

    [Fact]
    public void PhoneRules_TrimsAroundTheNumber()
    {
        var errors = new FieldErrors();

        Assert.Equal("13812341234", PhoneRules.Check(errors, "phone", "\t13812341234\n"));
        Assert.False(errors.Any);
    }
}
