using Kechuang.Modules.Directory;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Directory;

public class PersonRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] KnownRegions = ["330723", "330784", "330700"];

    private static readonly Organization Enterprise =
        new("浙江某某科技有限公司", OrganizationKind.Enterprise, "91330100799655058B", "330723", null, null, null, Now);

    private static readonly Organization University =
        new("浙江某某大学", OrganizationKind.Institution, "12330000470003281C", "330700", null, null, null, Now);

    private static PersonInput Input(string? name = "张三", string? kind = "expert", Guid? organizationId = null, string? phone = null,
        string? idNumber = null, string? title = null, string? fields = null, string? region = null) =>
        new(name, kind, organizationId, phone, idNumber, title, fields, region);

    private static (ValidPerson? Valid, IReadOnlyDictionary<string, string[]> Errors) Validate(PersonInput input, Organization? organization = null,
        string defaultRegion = "330723")
    {
        var errors = new FieldErrors();
        var valid = PersonRules.Validate(input, organization, defaultRegion, KnownRegions.Contains, errors);
        return (valid, errors.ToDictionary());
    }

    [Fact]
    public void Validate_PersonWithoutOrganization_TakesTheDefaultRegion()
    {
        var (valid, errors) = Validate(Input(name: " 张三 ", kind: "专家"));

        Assert.Empty(errors);
        Assert.Equal(new ValidPerson("张三", PersonKind.Expert, null, "330723", null, null, null, null), valid);
    }

    [Fact]
    public void Validate_GivenRegion_IsTrimmedAndWinsOverTheDefault()
    {
        var (valid, _) = Validate(Input(region: " 330784 "));

        Assert.Equal("330784", valid!.RegionCode);
    }

    [Fact]
    public void Validate_PersonOfAnEnterprise_FallsUnderTheEnterprisesRegion()
    {
        var (valid, _) = Validate(Input(organizationId: Enterprise.Id, region: "330784"), Enterprise, defaultRegion: "330700");

        Assert.Equal(Enterprise.Id, valid!.OrganizationId);
        Assert.Equal("330723", valid.RegionCode);
    }

    [Fact]
    public void Validate_PersonOfAnInstitutionSharedWithAll_KeepsTheGivenRegion_OrTheDefault()
    {
        var (given, _) = Validate(Input(organizationId: University.Id, region: "330784"), University);
        var (defaulted, _) = Validate(Input(organizationId: University.Id, region: "  "), University, defaultRegion: "330723");

        Assert.Equal(University.Id, given!.OrganizationId);
        Assert.Equal("330784", given.RegionCode);
        Assert.Equal("330723", defaulted!.RegionCode);
    }

    [Fact]
    public void Validate_OrganizationOutOfScope_IsAnError()
    {
        var (valid, errors) = Validate(Input(organizationId: Guid.NewGuid()), organization: null);

        Assert.Null(valid);
        Assert.Equal(["所属组织不存在或不在您的数据范围内"], errors["organizationId"]);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_UnknownRegion_IsNamed()
    {
        var (valid, errors) = Validate(Input(region: "339999"));

        Assert.Null(valid);
        Assert.Equal(["行政区划代码“339999”不存在"], errors["regionCode"]);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_EmptyInput_NamesNameAndKind()
    {
        var (valid, errors) = Validate(new PersonInput(null, null, null, null, null));

        Assert.Null(valid);
        Assert.Equal(["请填写姓名"], errors["name"]);
        Assert.Equal(["请选择人员类别"], errors["kind"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Validate_IdNumber_IsTrimmedAndUpperCased()
    {
        var (valid, errors) = Validate(Input(idNumber: " 11010519491231002x "));

        Assert.Empty(errors);
        Assert.Equal("11010519491231002X", valid!.IdNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoIdNumber_IsAllowed(string? idNumber)
    {
        var (valid, errors) = Validate(Input(idNumber: idNumber));

        Assert.Empty(errors);
        Assert.Null(valid!.IdNumber);
    }

    [Fact]
    public void Validate_BadIdNumber_CarriesTheValidatorsMessage()
    {
        var (valid, errors) = Validate(Input(idNumber: "110105194912310021"));

        Assert.Null(valid);
        Assert.Equal(["身份证号码校验位错误：第18位应为“X”，实际为“1”"], errors["idNumber"]);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_PhoneTitleAndFields_AreKept()
    {
        var (valid, _) = Validate(Input(kind: "commissioner", phone: "138 1234 1234", title: " 研究员 ", fields: " 新材料 "));

        Assert.Equal(new ValidPerson("张三", PersonKind.Commissioner, null, "330723", "研究员", "新材料", "13812341234", null), valid);
    }

    [Fact]
    public void Validate_BadPhone_IsAnErrorOfPhone()
    {
        var (valid, errors) = Validate(Input(phone: "123"));

        Assert.Null(valid);
        Assert.Equal(["phone"], errors.Keys);
    }

    [Theory]
    [InlineData("name", 50, "姓名不能超过50个字符")]
    [InlineData("title", 50, "职称/职务不能超过50个字符")]
    [InlineData("fields", 200, "专业领域不能超过200个字符")]
    public void Validate_Texts_HaveLimits(string field, int limit, string message)
    {
        PersonInput At(int length) => field switch
        {
            "name" => Input(name: new string('张', length)),
            "title" => Input(title: new string('职', length)),
            _ => Input(fields: new string('材', length)),
        };

        Assert.NotNull(Validate(At(limit)).Valid);
        var (valid, errors) = Validate(At(limit + 1));
        Assert.Null(valid);
        Assert.Equal([message], errors[field]);
    }
}
