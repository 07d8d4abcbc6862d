using Kechuang.Platform.Access;

namespace Kechuang.Tests.Unit.Platform;

public class AccountLockoutTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Account NewAccount() => new("user", "用户", Role.CountyStaff, "330723", null, "hash", false, Now);

    [Fact]
    public void RecordFailure_FourTimes_DoesNotLock()
    {
        var account = NewAccount();

        for (var i = 0; i < 4; i++)
        {
            Assert.False(account.RecordFailure(Now));
        }

        Assert.False(account.IsLocked(Now));
    }

    [Fact]
    public void RecordFailure_FifthTime_LocksForThirtyMinutes()
    {
        var account = NewAccount();
        for (var i = 0; i < 4; i++)
        {
            account.RecordFailure(Now);
        }

        var locked = account.RecordFailure(Now);

        Assert.True(locked);
        Assert.True(account.IsLocked(Now.AddMinutes(29).AddSeconds(59)));
        Assert.False(account.IsLocked(Now.AddMinutes(30)));
    }

    [Fact]
    public void RecordSuccess_ResetsCount()
    {
        var account = NewAccount();
        for (var i = 0; i < 4; i++)
        {
            account.RecordFailure(Now);
        }

        account.RecordSuccess(Now);
        account.RecordFailure(Now);

        Assert.Equal(1, account.FailedSignIns);
    }

    [Fact]
    public void PasswordExpired_StaffAfterNinetyDays_ButNotEnterprise()
    {
        var staff = NewAccount();
        var enterprise = new Account("e", "企业", Role.Enterprise, "330723", Guid.NewGuid(), "hash", false, Now);

        Assert.False(staff.PasswordExpired(Now.AddDays(90), TimeSpan.FromDays(90)));
        Assert.True(staff.PasswordExpired(Now.AddDays(90).AddSeconds(1), TimeSpan.FromDays(90)));
        Assert.False(enterprise.PasswordExpired(Now.AddDays(400), TimeSpan.FromDays(90)));
    }
}
