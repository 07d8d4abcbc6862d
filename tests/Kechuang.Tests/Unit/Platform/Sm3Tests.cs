using Kechuang.Platform.Audit;
using Org.BouncyCastle.Crypto.Digests;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>The audit chain's SM3 gives the standard's examples and BouncyCastle's hash on every length around the block edges.</summary>
public sealed class Sm3Tests
{
    [Theory]
    // GB/T 32905-2016, appendix A: the three-byte and the 64-byte example.
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void StandardExamples(string message, string expected)
    {
        var hash = new byte[Sm3.HashSize];
        Sm3.HashData(System.Text.Encoding.ASCII.GetBytes(message), hash);
        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void EqualsBouncyCastle_OnEveryLengthUpToSevenBlocks()
    {
        var random = new Random(20261207);
        var ours = new byte[Sm3.HashSize];
        var theirs = new byte[Sm3.HashSize];
        // Every length from empty to seven blocks: the padding takes one more block from 56 bytes past a block edge.
        for (var length = 0; length <= 7 * 64; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            Sm3.HashData(message, ours);
            var digest = new SM3Digest();
            digest.BlockUpdate(message);
            digest.DoFinal(theirs);
            Assert.True(theirs.AsSpan().SequenceEqual(ours), $"length {length}");
        }
    }

    [Fact]
    public void ReadsOnlyItsSlice()
    {
        var buffer = new byte[200];
        new Random(1).NextBytes(buffer);
        var slice = new byte[Sm3.HashSize];
        var copy = new byte[Sm3.HashSize];
        Sm3.HashData(buffer.AsSpan(10, 120), slice);
        Sm3.HashData(buffer.AsSpan(10, 120).ToArray(), copy);
        Assert.Equal(copy, slice);
    }
}
