using Kechuang.Platform.Validation;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>统一社会信用代码 (GB 32100-2015) and 公民身份号码 (GB 11643-1999) at the edges of their formats.</summary>
public class ValidationBoundaryTests
{
    [Fact]
    public void CreditCode_SurroundingSpacesAndLowerCase_AreAcceptedAndNormalised()
    {
        Assert.True(CreditCode.IsValid(" 91330100799655058b "));
        Assert.Equal("91330100799655058B", CreditCode.Normalize(" 91330100799655058b "));
        Assert.False(CreditCode.IsValid("91330100799655058A"));
        Assert.False(CreditCode.IsValid(null));
    }

    [Theory]
    [InlineData("91330100799655058", "应为18位，当前为17位")]
    [InlineData("I1330100799655058B", "第1位“I”不是允许的字符（不使用 I、O、S、V、Z）")]
    [InlineData("9133010079965505ZB", "第17位“Z”不是允许的字符")]
    [InlineData("91A30100799655058B", "第3至8位应为行政区划代码（数字）")]
    [InlineData("9133010A799655058B", "第3至8位应为行政区划代码（数字）")]   // the 8th character
    [InlineData("91330100799655058A", "校验位错误：第18位应为“B”，实际为“A”")]
    public void CreditCode_Problem_NamesThePosition(string code, string expected)
    {
        Assert.Contains(expected, CreditCode.Problem(code), StringComparison.Ordinal);
    }

    [Fact]
    public void CreditCode_LetterAfterTheRegionCode_IsAllowed()
    {
        // The 9th character starts the organisation code, which may be a letter (here M).
        var body = "91330723MA0000001";

        Assert.Null(CreditCode.Problem(body + CreditCode.CheckCharacter(body)));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData(null)]
    public void CreditCode_Blank_IsMissing(string? code)
    {
        Assert.Equal("请填写统一社会信用代码", CreditCode.Problem(code));
    }

    [Fact]
    public void IdNumber_SurroundingSpacesAndLowerCaseX_AreAccepted()
    {
        Assert.True(IdNumber.IsValid(" 11010519491231002x "));
        Assert.False(IdNumber.IsValid("110105194912310021"));
        Assert.False(IdNumber.IsValid(null));
    }

    [Theory]
    [InlineData("330723190001011", true)]     // born 1900-01-01: the earliest date taken
    [InlineData("330723189912311", false)]
    [InlineData("330723200002291", true)]     // 2000 was a leap year
    [InlineData("330723190002291", false)]    // 1900 was not
    [InlineData("330723199013011", false)]    // month 13
    public void IdNumber_BirthDate_From1900(string bodyWithoutSequenceEnd, bool valid)
    {
        var body = bodyWithoutSequenceEnd + "23";
        var number = body + IdNumber.CheckCharacter(body);

        Assert.Equal(valid ? null : "身份证号码中的出生日期（第7至14位）无效", IdNumber.Problem(number));
    }

    [Theory]
    [InlineData("", "请填写身份证号码")]
    [InlineData("33072319900101123", "身份证号码应为18位，当前为17位")]
    [InlineData("X30723199001011234", "身份证号码第1位应为数字")]
    [InlineData("3307231990010112X4", "身份证号码第17位应为数字")]
    [InlineData("11010519491231002X ", null)]
    public void IdNumber_Problem_IsWorded(string number, string? expected)
    {
        Assert.Equal(expected, IdNumber.Problem(number));
    }

    [Fact]
    public void IdNumber_CheckCharacter_OfTheStandardsExample()
    {
        // GB 11643-1999 examples: 11010519491231002 → weighted sum 167, mod 11 = 2 → X; 44052418800101001 → 195, mod 11 = 8 → 4.
        Assert.Equal('X', IdNumber.CheckCharacter("11010519491231002"));
        Assert.Equal('4', IdNumber.CheckCharacter("44052418800101001"));
    }
}
