using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kechuang.Platform.Crypto;

/// <summary>
/// The keys that protect personal numbers at rest: SM4 data keys by id (<c>PersonalData:Keys:&lt;id&gt;</c>, base64 of
/// 16 bytes), the id new values are encrypted under (<c>PersonalData:CurrentKeyId</c>) and the HMAC-SM3 key of the
/// blind index (<c>PersonalData:IndexKey</c>). They live in configuration (environment, a secrets file), never in
/// the database. While the index key is being replaced, the one before it (<c>PersonalData:PreviousIndexKey</c>) keeps
/// finding the numbers whose index <c>rotate-personal-data-key</c> has not rewritten yet. With none configured, keys are generated once into a file beside the database and read from it
/// on every later start, so a demo needs no set-up.
/// </summary>
public sealed partial class PersonalDataKeys
{
    public const string Section = "PersonalData";
    private const string FileName = "personal-data-keys.json";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public PersonalDataKeys(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId, byte[] indexKey, string? file = null, byte[]? previousIndexKey = null)
    {
        if (keys.Count == 0)
        {
            throw new PersonalDataException($"{Section}:Keys 未配置任何密钥");
        }
        foreach (var (id, key) in keys)
        {
            if (!KeyId().IsMatch(id))
            {
                throw new PersonalDataException($"{Section}:Keys 的密钥标识“{id}”无效：只能由字母、数字、“-”和“_”组成，最长32个字符");
            }
            if (key.Length != 16)
            {
                throw new PersonalDataException($"{Section}:Keys:{id} 应为16字节（128位）SM4密钥的base64编码，实际为{key.Length}字节");
            }
        }
        if (!keys.ContainsKey(currentKeyId))
        {
            throw new PersonalDataException($"{Section}:CurrentKeyId“{currentKeyId}”不在 {Section}:Keys 中");
        }
        if (indexKey.Length < 16)
        {
            throw new PersonalDataException($"{Section}:IndexKey 应至少16字节（base64编码）");
        }
        if (previousIndexKey is not null && (previousIndexKey.Length < 16 || previousIndexKey.AsSpan().SequenceEqual(indexKey)))
        {
            throw new PersonalDataException($"{Section}:PreviousIndexKey 应为更换前的索引密钥（至少16字节，且不同于 {Section}:IndexKey）");
        }
        Keys = keys;
        PreviousIndexKey = previousIndexKey;
        CurrentKeyId = currentKeyId;
        IndexKey = indexKey;
        File = file;
    }

    public IReadOnlyDictionary<string, byte[]> Keys { get; }
    public string CurrentKeyId { get; }
    public byte[] IndexKey { get; }

    /// <summary>The index key being replaced: lookups also try it until every index is rewritten under <see cref="IndexKey"/>.</summary>
    public byte[]? PreviousIndexKey { get; }

    /// <summary>The generated key file these keys came from; null when they were configured.</summary>
    public string? File { get; }

    /// <summary>Whether this start generated <see cref="File"/> (said once in the log, not on every start).</summary>
    public bool Generated { get; private set; }

    /// <summary>Identifies the key material (not reversible): contexts over the same keys share one EF model.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (id, key) in Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(id + "="));
            hash.AppendData(key);
        }
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes("current=" + CurrentKeyId + ";index="));
        hash.AppendData(IndexKey);
        if (PreviousIndexKey is not null)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(";previous-index="));
            hash.AppendData(PreviousIndexKey);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// Reads the keys from configuration; when none are configured, from the key file (<c>PersonalData:KeyFile</c>, or
    /// beside the SQLite database, or <c>data/</c>), generating it on the first start.
    /// </summary>
    public static PersonalDataKeys Load(IConfiguration configuration, string defaultFile)
    {
        var section = configuration.GetSection(Section);
        if (section.GetSection("Keys").GetChildren().Any())
        {
            return FromSection(section, null);
        }
        var file = section["KeyFile"] is { Length: > 0 } configured ? configured : defaultFile;
        var generated = !System.IO.File.Exists(file) && Generate(file);
        var fromFile = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false).Build();
        var loaded = FromSection(fromFile.GetSection(Section), Path.GetFullPath(file));
        loaded.Generated = generated;
        return loaded;
    }

    /// <summary>The file generated keys go to when none are configured: beside the SQLite file, else under <c>data/</c>.</summary>
    public static string DefaultFile(string? sqliteFile) =>
        sqliteFile is { Length: > 0 } and not ":memory:"
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sqliteFile)) ?? ".", Path.GetFileNameWithoutExtension(sqliteFile) + "." + FileName)
            : Path.Combine("data", FileName);

    private static PersonalDataKeys FromSection(IConfigurationSection section, string? file)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var child in section.GetSection("Keys").GetChildren())
        {
            keys[child.Key] = Base64(child.Value, $"{Section}:Keys:{child.Key}");
        }
        var current = section["CurrentKeyId"] is { Length: > 0 } id ? id
            : keys.Count == 1 ? keys.Keys.Single()
            : throw new PersonalDataException($"配置了多个 {Section}:Keys 时须指定 {Section}:CurrentKeyId");
        var index = section["IndexKey"] is { Length: > 0 } text
            ? Base64(text, $"{Section}:IndexKey")
            : throw new PersonalDataException($"配置了 {Section}:Keys 时须同时配置 {Section}:IndexKey（更换它时把原密钥配置为 {Section}:PreviousIndexKey）");
        var previous = section["PreviousIndexKey"] is { Length: > 0 } old ? Base64(old, $"{Section}:PreviousIndexKey") : null;
        return new PersonalDataKeys(keys, current, index, file, previous);
    }

    private static byte[] Base64(string? value, string name)
    {
        try
        {
            return Convert.FromBase64String(value ?? "");
        }
        catch (FormatException)
        {
            throw new PersonalDataException($"{name} 不是有效的base64编码");
        }
    }

    /// <summary>
    /// Writes a new key file; another process that wins the race to create it keeps its keys (false). The key id is
    /// random, so keys generated again after a key file was lost never pass for the lost ones: values under those stay
    /// refused as under an unknown key (<see cref="PersonalDataRotation.EnsureKeysKnownAsync"/> stops the start).
    /// </summary>
    private static bool Generate(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            System.IO.Directory.CreateDirectory(folder);
        }
        var keyId = "k" + RandomNumberGenerator.GetHexString(10, lowercase: true);
        var content = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [Section] = new Dictionary<string, object>
            {
                ["CurrentKeyId"] = keyId,
                ["Keys"] = new Dictionary<string, string> { [keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)) },
                ["IndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            },
        }, Indented);
        // Written whole under a temporary name, then moved into place without overwriting: a process starting at the
        // same time on the same database either wins (its keys are the ones used) or reads a complete file.
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }
        try
        {
            System.IO.File.Move(temporary, file, overwrite: false);
            return true;
        }
        catch (IOException) when (System.IO.File.Exists(file))
        {
            System.IO.File.Delete(temporary);
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyId();
}
