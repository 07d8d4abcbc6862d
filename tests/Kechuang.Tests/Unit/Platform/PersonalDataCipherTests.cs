using Kechuang.Platform.Crypto;
using Microsoft.Extensions.Configuration;

namespace Kechuang.Tests.Unit.Platform;

public class PersonalDataCipherTests
{
    private static readonly byte[] IndexKey = [.. Enumerable.Range(16, 32).Select(i => (byte)i)];

    private static PersonalDataCipher Cipher(string current = "k1", params string[] ids) =>
        new(new PersonalDataKeys(
            (ids.Length == 0 ? [current] : ids).ToDictionary(id => id, id => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id))[..16]),
            current, IndexKey));

    [Fact]
    public void Encrypt_ThenDecrypt_GivesTheValueBack_AndTheTextHidesIt()
    {
        var cipher = Cipher();

        var stored = cipher.Encrypt("13800001111", PersonalDataKind.Phone);

        Assert.StartsWith("sm4:k1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001111", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("0001111", stored, StringComparison.Ordinal);
        Assert.True(stored.Length <= PersonalDataCipher.StoredMaxLength);
        Assert.Equal("13800001111", cipher.Decrypt(stored, PersonalDataKind.Phone));
    }

    [Fact]
    public void Encrypt_SameValueTwice_GivesDifferentTexts()
    {
        var cipher = Cipher();

        Assert.NotEqual(cipher.Encrypt("11010519491231002X", PersonalDataKind.IdNumber), cipher.Encrypt("11010519491231002X", PersonalDataKind.IdNumber));
    }

    [Fact]
    public void Encrypt_TheLongestValues_FitTheColumn()
    {
        var cipher = Cipher(new string('k', 32));

        Assert.True(cipher.Encrypt(new string('9', 40), PersonalDataKind.Phone).Length <= PersonalDataCipher.StoredMaxLength);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(40)]
    public void Decrypt_AfterOneCharacterChanged_Throws(int position)
    {
        var cipher = Cipher();
        var stored = cipher.Encrypt("13800001111", PersonalDataKind.Phone);
        var chars = stored.ToCharArray();
        chars[position] = chars[position] == 'A' ? 'B' : 'A';

        Assert.Throws<PersonalDataException>(() => cipher.Decrypt(new string(chars), PersonalDataKind.Phone));
    }

    [Fact]
    public void Decrypt_UnderAnotherKind_Throws()
    {
        var cipher = Cipher();
        var stored = cipher.Encrypt("110105194912310", PersonalDataKind.IdNumber);

        Assert.Throws<PersonalDataException>(() => cipher.Decrypt(stored, PersonalDataKind.Phone));
    }

    [Fact]
    public void Decrypt_RelabelledWithAnotherKnownKeyId_Throws()
    {
        var cipher = Cipher("k1", "k1", "k2");
        var stored = cipher.Encrypt("13800001111", PersonalDataKind.Phone);

        Assert.Throws<PersonalDataException>(() => cipher.Decrypt(stored.Replace("sm4:k1:", "sm4:k2:", StringComparison.Ordinal), PersonalDataKind.Phone));
    }

    [Fact]
    public void Decrypt_PlainText_Throws()
    {
        Assert.Throws<PersonalDataException>(() => Cipher().Decrypt("13800001111", PersonalDataKind.Phone));
    }

    [Fact]
    public void Decrypt_UnderAnOldKeyStillConfigured_Works_AndWithoutItThrows()
    {
        var old = Cipher("k1").Encrypt("13800001111", PersonalDataKind.Phone);

        Assert.Equal("13800001111", Cipher("k2", "k1", "k2").Decrypt(old, PersonalDataKind.Phone));
        Assert.StartsWith("sm4:k2:", Cipher("k2", "k1", "k2").Encrypt("1", PersonalDataKind.Phone), StringComparison.Ordinal);
        Assert.Throws<PersonalDataException>(() => Cipher("k2").Decrypt(old, PersonalDataKind.Phone));
    }

    [Fact]
    public void BlindIndex_IsTheSameForEverySpellingOfOneNumber_AndDiffersOtherwise()
    {
        var cipher = Cipher();

        var index = cipher.BlindIndex(PersonalDataKind.Phone, "0579-87654321");

        Assert.Matches("^[0-9a-f]{64}$", index);
        Assert.Equal(index, cipher.BlindIndex(PersonalDataKind.Phone, " 0579 8765 4321 "));
        Assert.NotEqual(index, cipher.BlindIndex(PersonalDataKind.Phone, "0579-87654322"));
        Assert.Equal(cipher.BlindIndex(PersonalDataKind.IdNumber, "11010519491231002X"), cipher.BlindIndex(PersonalDataKind.IdNumber, " 11010519491231002x"));
        Assert.NotEqual(cipher.BlindIndex(PersonalDataKind.IdNumber, "13800001111"), cipher.BlindIndex(PersonalDataKind.Phone, "13800001111"));
        Assert.Null(cipher.BlindIndex(PersonalDataKind.Phone, null));
    }

    [Fact]
    public void BlindIndex_DependsOnTheIndexKey()
    {
        var other = new PersonalDataCipher(new PersonalDataKeys(new Dictionary<string, byte[]> { ["k1"] = new byte[16] }, "k1", new byte[32]));

        Assert.NotEqual(Cipher().BlindIndex(PersonalDataKind.Phone, "13800001111"), other.BlindIndex(PersonalDataKind.Phone, "13800001111"));
    }

    [Fact]
    public void Load_WithoutConfiguredKeys_GeneratesAFileOnce_AndReadsItAfterwards()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kechuang-pd-{Guid.NewGuid():N}");
        try
        {
            var file = PersonalDataKeys.DefaultFile(Path.Combine(folder, "kechuang.db"));
            var empty = new ConfigurationBuilder().Build();

            var first = PersonalDataKeys.Load(empty, file);
            var second = PersonalDataKeys.Load(empty, file);

            Assert.Equal(Path.Combine(folder, "kechuang.personal-data-keys.json"), first.File);
            Assert.Equal(first.Fingerprint(), second.Fingerprint());
            Assert.True(first.Generated);
            Assert.False(second.Generated);
            // A file generated again (after one was lost) never reuses a key id.
            Assert.NotEqual("k1", first.CurrentKeyId);
            var stored = new PersonalDataCipher(first).Encrypt("13800001111", PersonalDataKind.Phone);
            Assert.Equal("13800001111", new PersonalDataCipher(second).Decrypt(stored, PersonalDataKind.Phone));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Load_WithConfiguredKeys_UsesThem_AndWritesNoFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-pd-{Guid.NewGuid():N}.json");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PersonalData:Keys:2026a"] = Convert.ToBase64String(new byte[16]),
            ["PersonalData:Keys:2026b"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 16).ToArray()),
            ["PersonalData:CurrentKeyId"] = "2026b",
            ["PersonalData:IndexKey"] = Convert.ToBase64String(new byte[32]),
        }).Build();

        var keys = PersonalDataKeys.Load(configuration, file);

        Assert.Null(keys.File);
        Assert.False(File.Exists(file));
        Assert.Equal("2026b", keys.CurrentKeyId);
        Assert.Equal(2, keys.Keys.Count);
    }

    [Theory]
    [InlineData("PersonalData:IndexKey", null)]
    [InlineData("PersonalData:Keys:k1", "AAAA")]
    [InlineData("PersonalData:CurrentKeyId", "k9")]
    public void Load_WithIncompleteOrWrongKeys_RefusesToStart(string name, string? value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PersonalData:Keys:k1"] = Convert.ToBase64String(new byte[16]),
            ["PersonalData:CurrentKeyId"] = "k1",
            ["PersonalData:IndexKey"] = Convert.ToBase64String(new byte[32]),
        };
        settings[name] = value;
        if (value is null)
        {
            settings.Remove(name);
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Throws<PersonalDataException>(() => PersonalDataKeys.Load(configuration, "unused.json"));
    }
}
