using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Kechuang.Platform.Crypto;

/// <summary>What a protected column holds: its blind index is computed from the value normalised for this kind.</summary>
public enum PersonalDataKind
{
    /// <summary>联系电话: mobile or landline; compared by its digits only.</summary>
    Phone = 1,

    /// <summary>身份证号码: compared trimmed and upper-cased (a check character x is X).</summary>
    IdNumber = 2,
}

/// <summary>
/// SM4-GCM encryption of personal numbers (GB/T 32907, authenticated: a changed byte is detected) and their HMAC-SM3
/// blind index. A stored value reads <c>sm4:&lt;key id&gt;:&lt;base64 of nonce ‖ ciphertext ‖ tag&gt;</c>: the key id lets
/// values under an old key keep decrypting while <c>rotate-personal-data-key</c> moves them to the current one.
/// </summary>
public sealed class PersonalDataCipher
{
    public const string Prefix = "sm4:";
    private const int NonceBytes = 12;
    private const int TagBits = 128;

    /// <summary>The longest stored text of a value of up to 40 UTF-8 bytes (key ids are at most 32 characters).</summary>
    public const int StoredMaxLength = 160;

    /// <summary>The blind index: 32 bytes of HMAC-SM3 in lower-case hex.</summary>
    public const int IndexLength = 64;

    private readonly PersonalDataKeys? _keys;

    public PersonalDataCipher(PersonalDataKeys keys)
    {
        _keys = keys;
        Fingerprint = keys.Fingerprint();
    }

    private PersonalDataCipher()
    {
        Fingerprint = "unavailable";
    }

    /// <summary>
    /// For contexts that never read or write personal data (design time, a migration-only check): the model still
    /// maps the columns, and any attempt to encrypt or decrypt fails loudly.
    /// </summary>
    public static PersonalDataCipher Unavailable { get; } = new();

    /// <summary>Identifies the key material; contexts over the same keys share one EF model.</summary>
    public string Fingerprint { get; }

    public string CurrentKeyId => Keys.CurrentKeyId;

    /// <summary>Whether an index key being replaced is still configured (lookups try it too).</summary>
    public bool HasPreviousIndexKey => Keys.PreviousIndexKey is not null;

    /// <summary>Every configured key id (the current one and those kept to read older values).</summary>
    public IEnumerable<string> KeyIds => Keys.Keys.Keys;

    private PersonalDataKeys Keys => _keys ?? throw new InvalidOperationException("Personal data keys are not available in this context.");

    /// <summary>Encrypts under the current key with a fresh random nonce; <paramref name="kind"/> is bound into the tag.</summary>
    public string Encrypt(string plain, PersonalDataKind kind)
    {
        var keyId = Keys.CurrentKeyId;
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var gcm = Gcm(true, keyId, kind, nonce);
        var input = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceBytes + gcm.GetOutputSize(input.Length)];
        nonce.CopyTo(output, 0);
        var written = gcm.ProcessBytes(input, 0, input.Length, output, NonceBytes);
        gcm.DoFinal(output, NonceBytes + written);
        return Prefix + keyId + ":" + Convert.ToBase64String(output);
    }

    /// <summary>Decrypts under the key the value names; a value that was changed, moved or is not ours throws.</summary>
    /// <exception cref="PersonalDataException">Not ciphertext, an unknown key id, or the tag does not verify.</exception>
    public string Decrypt(string stored, PersonalDataKind kind)
    {
        if (KeyIdOf(stored) is not { } keyId)
        {
            throw new PersonalDataException("个人信息字段的内容不是密文（未加密或已被改动）");
        }
        if (!Keys.Keys.ContainsKey(keyId))
        {
            throw new PersonalDataException($"个人信息字段使用的密钥“{keyId}”未配置（轮换后过早删除了旧密钥？）");
        }
        byte[] data;
        try
        {
            data = Convert.FromBase64String(stored[(Prefix.Length + keyId.Length + 1)..]);
        }
        catch (FormatException)
        {
            throw new PersonalDataException("个人信息字段的密文已被改动（不是有效的编码）");
        }
        if (data.Length < NonceBytes + TagBits / 8)
        {
            throw new PersonalDataException("个人信息字段的密文已被改动（长度不足）");
        }
        var gcm = Gcm(false, keyId, kind, data[..NonceBytes]);
        var output = new byte[gcm.GetOutputSize(data.Length - NonceBytes)];
        try
        {
            var written = gcm.ProcessBytes(data, NonceBytes, data.Length - NonceBytes, output, 0);
            written += gcm.DoFinal(output, written);
            return Encoding.UTF8.GetString(output, 0, written);
        }
        catch (InvalidCipherTextException)
        {
            throw new PersonalDataException("个人信息字段的密文未通过完整性校验（已被改动）");
        }
    }

    /// <summary>The key id a stored value was encrypted under, or null when it is not in the stored form (plain text).</summary>
    public static string? KeyIdOf(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var end = stored.IndexOf(':', Prefix.Length);
        return end > Prefix.Length ? stored[Prefix.Length..end] : null;
    }

    /// <summary>
    /// HMAC-SM3 of the normalised value under the index key, hex: equal numbers give equal indexes whatever their
    /// spelling, and the index reveals nothing without the key. The kind is part of the message, so a phone and an
    /// ID number never share an index. Null for a value that normalises to nothing.
    /// </summary>
    public string? BlindIndex(PersonalDataKind kind, string? value) => Index(Keys.IndexKey, kind, value);

    /// <summary>
    /// The indexes a stored number may carry: under the index key, and while it is being replaced also under the one
    /// before it (rows <c>rotate-personal-data-key</c> has not rewritten yet). Empty for a value that normalises to nothing.
    /// </summary>
    public IReadOnlyList<string> BlindIndexes(PersonalDataKind kind, string? value)
    {
        if (Index(Keys.IndexKey, kind, value) is not { } current)
        {
            return [];
        }
        return Keys.PreviousIndexKey is { } previous ? [current, Index(previous, kind, value)!] : [current];
    }

    private static string? Index(byte[] key, PersonalDataKind kind, string? value)
    {
        if (value is null || Normalise(kind, value) is not { Length: > 0 } normal)
        {
            return null;
        }
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        var message = Encoding.UTF8.GetBytes((kind == PersonalDataKind.Phone ? "phone:" : "id-number:") + normal);
        mac.BlockUpdate(message, 0, message.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }

    public static string Normalise(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.Phone => string.Concat(value.Where(char.IsAsciiDigit)),
        _ => value.Trim().ToUpperInvariant(),
    };

    private GcmBlockCipher Gcm(bool encrypt, string keyId, PersonalDataKind kind, byte[] nonce)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        // The key id and the kind are authenticated with the value: relabelling the key or moving an ID number into a
        // phone column fails the tag check instead of decrypting.
        var associated = Encoding.UTF8.GetBytes(keyId + "|" + kind);
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(Keys.Keys[keyId]), TagBits, nonce, associated));
        return gcm;
    }
}

/// <summary>A protected value cannot be read: changed in the database, or its key is missing. Never a silently wrong value.</summary>
public sealed class PersonalDataException(string message) : Exception(message);
