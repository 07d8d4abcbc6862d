using Kechuang.Platform.Validation;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>Masks of personal numbers at their lengths, and the edit rule that keeps a stored value behind its mask.</summary>
public class MaskingBoundaryTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("1234", "****")]
    [InlineData("12345", "*2345")]
    [InlineData("0579-82270195", "*********0195")]
    [InlineData("1381234123", "******4123")]     // ten digits: not a mobile number
    [InlineData("13812341234", "138****1234")]
    public void Phone_ByLength(string phone, string masked)
    {
        Assert.Equal(masked, Masking.Phone(phone));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("1234567890", "**********")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("11010519491231002X", "110105********002X")]
    public void IdNumber_ByLength(string number, string masked)
    {
        Assert.Equal(masked, Masking.IdNumber(number));
    }

    [Fact]
    public void Unchanged_TheMaskOfTheStoredValue_KeepsTheStoredValue()
    {
        Assert.Equal("13812341234", Masking.Unchanged("138****1234", "13812341234", Masking.Phone));
    }

    [Theory]
    [InlineData("13912341234", "13812341234")]   // a new number typed in
    [InlineData("139****1234", "13812341234")]   // a mask, but not of the stored number
    [InlineData(null, "13812341234")]            // cleared
    [InlineData("13812341234", null)]            // nothing stored before
    [InlineData("138****1234", null)]
    public void Unchanged_AnythingElse_IsTheEditorsInput(string? submitted, string? stored)
    {
        Assert.Equal(submitted, Masking.Unchanged(submitted, stored, Masking.Phone));
    }

    [Fact]
    public void Unchanged_OnlyAMaskedValueCanStandForTheStoredOne()
    {
        // Were the mask to return the typed text unmasked, that text is still the editor's input.
        Assert.Equal("0195", Masking.Unchanged("0195", "82270195", _ => "0195"));
    }
}
