using Kechuang.Platform.Access;

namespace Kechuang.Tests.Unit.Platform;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("Abcdef1!")]   // exactly 8, four classes
    [InlineData("abcdef12!")]  // three classes
    [InlineData("ABCdef123")]  // three classes
    public void Problem_StrongEnough_IsNull(string password) => Assert.Null(PasswordPolicy.Problem(password));

    [Theory]
    [InlineData("Abcde1!", "至少8位")]        // seven characters
    [InlineData("abcdefgh1", "至少三类")]      // two classes
    [InlineData("ABCDEFGH", "至少三类")]
    [InlineData("", "请填写")]
    public void Problem_Weak_IsExplained(string password, string expected) => Assert.Contains(expected, PasswordPolicy.Problem(password));

    [Fact]
    public void Generate_MeetsPolicyAndDiffers()
    {
        var a = PasswordPolicy.Generate();
        var b = PasswordPolicy.Generate();

        Assert.Null(PasswordPolicy.Problem(a));
        Assert.NotEqual(a, b);
    }
}
