using Kechuang.Platform.Access;

namespace Kechuang.Tests.Unit.Platform;

public class SignInLimitsTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SecondsLeft_MidWindow_RoundsUp()
    {
        Assert.Equal(600, SignInLimits.SecondsLeft(Start, TimeSpan.FromMinutes(15), Start.AddMinutes(5)));
        Assert.Equal(1, SignInLimits.SecondsLeft(Start, TimeSpan.FromMinutes(15), Start.AddMinutes(15).AddMilliseconds(-100)));
    }

    [Fact]
    public void SecondsLeft_AtOrAfterTheEnd_IsStillOne()
    {
        Assert.Equal(1, SignInLimits.SecondsLeft(Start, TimeSpan.FromMinutes(15), Start.AddMinutes(15)));
        Assert.Equal(1, SignInLimits.SecondsLeft(Start, TimeSpan.FromMinutes(15), Start.AddHours(1)));
    }

    [Fact]
    public void Key_TrimsLowerCasesAndCutsAt64()
    {
        Assert.Equal("admin", SignInLimits.Key("  Admin "));
        Assert.Equal("", SignInLimits.Key(null));
        Assert.Equal(64, SignInLimits.Key(new string('a', 100)).Length);
    }

    [Fact]
    public void Message_SaysSecondsOrMinutes()
    {
        Assert.Equal("登录尝试过于频繁，请在45秒后再试", SignInRateLimiting.Message(45));
        Assert.Equal("登录尝试过于频繁，请在2分钟后再试", SignInRateLimiting.Message(61));
    }
}
