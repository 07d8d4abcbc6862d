using Kechuang.Platform.Validation;

namespace Kechuang.Tests.Unit.Platform;

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // GB 11643 example, check character X
    [InlineData("440524198001010013")]
    public void Problem_StandardExamples_AreValid(string number)
    {
        Assert.Null(IdNumber.Problem(number));
    }

    [Fact]
    public void Problem_LowerCaseX_IsAccepted()
    {
        Assert.Null(IdNumber.Problem("11010519491231002x"));
    }

    [Fact]
    public void Problem_WrongCheckDigit_NamesExpected()
    {
        var problem = IdNumber.Problem("110105194912310021");

        Assert.Contains("应为“X”", problem);
    }

    [Theory]
    [InlineData("33072319900230123X", "出生日期")] // 30 February
    [InlineData("3307231990010112", "应为18位")]
    [InlineData("33072319900101A239", "第15位")]
    public void Problem_Malformed_IsExplained(string number, string expected)
    {
        Assert.Contains(expected, IdNumber.Problem(number));
    }

    [Fact]
    public void CheckCharacter_RemainderTwo_IsX()
    {
        Assert.Equal('X', IdNumber.CheckCharacter("11010519491231002"));
    }
}
