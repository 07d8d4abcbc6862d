using Kechuang.Platform.Validation;

namespace Kechuang.Tests.Unit.Platform;

public class MaskingTests
{
    [Fact]
    public void Phone_Mobile_KeepsFirstThreeAndLastFour() => Assert.Equal("138****1234", Masking.Phone("13812341234"));

    [Fact]
    public void Phone_Landline_KeepsLastFour() => Assert.Equal("****0195", Masking.Phone("82270195"));

    [Fact]
    public void IdNumber_KeepsRegionAndLastFour() => Assert.Equal("330723********1234", Masking.IdNumber("330723199001011234"));

    [Fact]
    public void Nothing_StaysNothing()
    {
        Assert.Null(Masking.Phone(null));
        Assert.Null(Masking.IdNumber(null));
    }
}
