using System.Data.Common;
using System.Globalization;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kechuang.Platform.Crypto;

/// <summary>What a pass changed: values re-encrypted per column (<c>table.column</c>).</summary>
public sealed record RotationResult(IReadOnlyDictionary<string, int> Changed)
{
    public int Total => Changed.Values.Sum();
}

/// <summary>
/// Brings every protected value under the current key, in batches, below EF (the converter refuses anything but
/// ciphertext, and a rotation must not touch the rest of a row). A value already under the current key is left
/// alone, so a pass is idempotent, and each batch commits on its own, so an interrupted pass resumes where it
/// stopped. Plain values (rows written before encryption was introduced) are encrypted by the same path: at
/// start-up (<see cref="EncryptPlainValuesAsync"/>) and by <c>rotate-personal-data-key</c>. The blind index is
/// rewritten with every value, and by the command also wherever it was computed under another index key.
/// </summary>
public sealed class PersonalDataRotation(KechuangDb db)
{
    public const int DefaultBatchSize = 500;

    /// <summary>Encrypts values still stored as plain text; values under any key stay as they are.</summary>
    public Task<RotationResult> EncryptPlainValuesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(plainOnly: true, DefaultBatchSize, null, cancellationToken);

    /// <summary>Re-encrypts every value not under the current key (old keys and plain text) and rewrites every index not under the index key.</summary>
    public Task<RotationResult> RotateAsync(int batchSize, Action<string>? progress, CancellationToken cancellationToken = default) =>
        RunAsync(plainOnly: false, batchSize, progress, cancellationToken);

    /// <summary>
    /// Stops the start when a protected column holds a value under a key id this node does not have (a key file lost or
    /// regenerated, a key removed too early): served, such rows would fail one by one, and new rows would mix with them.
    /// </summary>
    public async Task EnsureKeysKnownAsync(CancellationToken cancellationToken = default)
    {
        var known = db.PersonalData.KeyIds.ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var column in PersonalDataMapping.Columns(db.Model))
            {
                await using var command = connection.CreateCommand();
                var others = string.Concat(known.Select(id => $" AND {Q(column.Column)} NOT LIKE '{PersonalDataCipher.Prefix}{id}:%'"));
                command.CommandText = $"SELECT {Q(column.Column)} FROM {Q(column.Table)} WHERE {Q(column.Column)} LIKE '{PersonalDataCipher.Prefix}%'{others} LIMIT 1";
                if (await command.ExecuteScalarAsync(cancellationToken) is string stored)
                {
                    throw new PersonalDataException($"数据库中的个人信息（{column.Table}.{column.Column}）由密钥“{PersonalDataCipher.KeyIdOf(stored)}”加密，"
                        + $"但当前没有该密钥：请恢复与数据库一同备份的密钥文件，或配置 {PersonalDataKeys.Section}:Keys:{PersonalDataCipher.KeyIdOf(stored)}");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many values each key id still protects (<c>""</c> for plain text), over every protected column.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByKeyAsync(CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var column in PersonalDataMapping.Columns(db.Model))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Q(column.Column)} FROM {Q(column.Table)} WHERE {Q(column.Column)} IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var keyId = PersonalDataCipher.KeyIdOf(reader.GetString(0)) ?? "";
                    counts[keyId] = counts.GetValueOrDefault(keyId) + 1;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts;
    }

    private async Task<RotationResult> RunAsync(bool plainOnly, int batchSize, Action<string>? progress, CancellationToken cancellationToken)
    {
        var cipher = db.PersonalData;
        var keyId = cipher.CurrentKeyId;
        var target = PersonalDataCipher.Prefix + keyId + ":";
        var changed = new Dictionary<string, int>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var column in PersonalDataMapping.Columns(db.Model))
            {
                var name = column.Table + "." + column.Column;
                var done = 0;
                var limit = batchSize.ToString(CultureInfo.InvariantCulture);
                var columns = $"SELECT {Q(column.KeyColumn)}, {Q(column.Column)}, {Q(column.IndexColumn)} FROM {Q(column.Table)} WHERE {Q(column.Column)} IS NOT NULL";
                // At start-up only plain values are taken, and they leave the selection as they are rewritten, so each batch
                // takes the next ones left. The command walks every row in key order: whether an index was computed under
                // the index key in force shows only once the value is decrypted (an index key replaced since).
                var first = plainOnly
                    ? $"{columns} AND substr({Q(column.Column)}, 1, {PersonalDataCipher.Prefix.Length}) <> '{PersonalDataCipher.Prefix}' ORDER BY {Q(column.KeyColumn)} LIMIT {limit}"
                    : $"{columns} ORDER BY {Q(column.KeyColumn)} LIMIT {limit}";
                var next = plainOnly ? first : $"{columns} AND {Q(column.KeyColumn)} > @last ORDER BY {Q(column.KeyColumn)} LIMIT {limit}";
                var update = $"UPDATE {Q(column.Table)} SET {Q(column.Column)} = @value, {Q(column.IndexColumn)} = @index "
                    + $"WHERE {Q(column.KeyColumn)} = @key AND {Q(column.Column)} = @old";
                object? last = null;
                while (true)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var rows = await ReadAsync(last is null ? first : next, last, transaction, cancellationToken);
                    if (rows.Count == 0)
                    {
                        break;
                    }
                    last = rows[^1].Key;
                    var written = 0;
                    foreach (var (key, stored, storedIndex) in rows)
                    {
                        string plain;
                        try
                        {
                            plain = PersonalDataCipher.KeyIdOf(stored) is null ? stored : cipher.Decrypt(stored, column.Kind);
                        }
                        catch (PersonalDataException e)
                        {
                            throw new PersonalDataException($"{name}（{key}）：{e.Message}");
                        }
                        var index = cipher.BlindIndex(column.Kind, plain);
                        var current = stored.StartsWith(target, StringComparison.Ordinal);
                        if (current && storedIndex == index)
                        {
                            continue;
                        }
                        await using var command = db.Database.GetDbConnection().CreateCommand();
                        command.Transaction = transaction.GetDbTransaction();
                        command.CommandText = update;
                        Add(command, "@value", current ? stored : cipher.Encrypt(plain, column.Kind));
                        Add(command, "@index", (object?)index ?? DBNull.Value);
                        Add(command, "@key", key);
                        Add(command, "@old", stored);
                        written += await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    await transaction.CommitAsync(cancellationToken);
                    done += written;
                    progress?.Invoke($"{name}: {done}");
                    if (plainOnly && written == 0)
                    {
                        // Every row of the batch was changed by someone else meanwhile (and so encrypted under the current key).
                        break;
                    }
                }
                if (done > 0)
                {
                    changed[name] = done;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var result = new RotationResult(changed);
        if (result.Total > 0)
        {
            db.AuditEvent("personal_data", keyId, plainOnly ? "encrypt" : "rotate-key",
                string.Join("，", changed.Select(c => $"{c.Key} {c.Value} 个")));
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    private async Task<List<(object Key, string Stored, string? Index)>> ReadAsync(string sql, object? last, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        if (last is not null)
        {
            Add(command, "@last", last);
        }
        var rows = new List<(object, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetValue(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return rows;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
