using Kechuang.Platform.Data;

namespace Kechuang.Tests.Unit.Platform;

public class PinyinInitialsTests
{
    [Theory]
    [InlineData("武义县", "wyx")]
    [InlineData("浙江寿仙谷医药股份有限公司", "zjsxgyygfyxgs")]
    [InlineData("金华市婺城区", "jhswcq")]
    [InlineData("浙江鑫昊科技有限公司", "zjxhkjyxgs")]
    [InlineData("ABC（武义）科技 2号", "abcwykj2h")]
    [InlineData("Ａ１科技", "a1kj")]
    public void Of_Name_GivesInitials(string name, string expected)
    {
        Assert.Equal(expected, PinyinInitials.Of(name));
    }

    [Theory]
    [InlineData("啊", "a")]
    [InlineData("芭", "b")]
    [InlineData("座", "z")]
    [InlineData("匝", "z")]
    [InlineData("压", "y")]
    [InlineData("昔", "x")]
    public void Of_BlockBoundaries_GiveTheirLetter(string character, string expected)
    {
        Assert.Equal(expected, PinyinInitials.Of(character));
    }

    [Fact]
    public void Of_LastCharacterBeforeABlock_KeepsThePreviousLetter()
    {
        // 簿 (0xB2BE) lies three characters before 擦 (0xB2C1), which opens the c block.
        Assert.Equal("b", PinyinInitials.Of("簿"));
    }

    [Fact]
    public void Of_EmptyOrNull_IsEmpty()
    {
        Assert.Equal("", PinyinInitials.Of(null));
        Assert.Equal("", PinyinInitials.Of("（）·"));
    }
}
