using Kechuang.Platform.Validation;

namespace Kechuang.Tests.Unit.Platform;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91330723MA0000001")]
    [InlineData("91330100MA9999999")]
    [InlineData("11330000002482045")]
    public void Problem_CodeWithComputedCheck_IsValid(string body)
    {
        var code = body + CreditCode.CheckCharacter(body);

        Assert.Null(CreditCode.Problem(code));
        Assert.Null(CreditCode.Problem(code.ToLowerInvariant()));
    }

    [Fact]
    public void Problem_PublishedCode_IsValid()
    {
        // 统一社会信用代码 of 阿里巴巴（中国）有限公司, as published on its licence.
        Assert.Null(CreditCode.Problem("91330100799655058B"));
    }

    [Fact]
    public void Problem_WrongCheckCharacter_NamesExpectedCharacter()
    {
        var body = "91330723MA0000001";
        var right = CreditCode.CheckCharacter(body);
        var wrong = right == '0' ? '1' : '0';

        var problem = CreditCode.Problem(body + wrong);

        Assert.NotNull(problem);
        Assert.Contains($"应为“{right}”", problem);
    }

    [Theory]
    [InlineData("", "请填写")]
    [InlineData("91330723MA000000", "应为18位")]
    [InlineData("91330723MA000000123", "应为18位")]
    [InlineData("91330723MI0000001X", "第10位")]
    [InlineData("9133O723MA0000001X", "第5位")]
    [InlineData("91AB0723MA0000001X", "第3至8位")]
    public void Problem_MalformedCode_IsExplained(string code, string expected)
    {
        Assert.Contains(expected, CreditCode.Problem(code));
    }

    [Fact]
    public void CheckCharacter_SumDivisibleBy31_IsZero()
    {
        // With all zeros the weighted sum is 0, so 31 - 0 = 31, which the standard maps to '0'.
        Assert.Equal('0', CreditCode.CheckCharacter("00000000000000000"));
    }
}
