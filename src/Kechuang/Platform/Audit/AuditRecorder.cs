using System.Text.Json;
using Kechuang.Platform.Data;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kechuang.Platform.Audit;

/// <summary>Turns tracked changes into audit entries (values before and after, personal numbers masked).</summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal) { "PasswordHash", "TokenHash", "SecurityStamp", "TotpSecret" };
    private static readonly HashSet<string> Phones = new(StringComparer.Ordinal) { "Phone", "Mobile", "ContactPhone" };
    private static readonly HashSet<string> IdNumbers = new(StringComparer.Ordinal) { "IdNumber" };

    public static List<AuditEntry> Collect(ChangeTracker tracker)
    {
        var entries = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            // Data-protection keys are key material, not business records: never copied into the log.
            if (entry.Entity is INotAudited or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
                || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => "create",
                EntityState.Deleted => "delete",
                _ => "update",
            };
            var before = entry.State == EntityState.Added ? null : Values(entry, original: true);
            var after = entry.State == EntityState.Deleted ? null : Values(entry, original: false);
            if (action == "update" && before == after)
            {
                continue;
            }
            entries.Add(new AuditEntry
            {
                Entity = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name,
                EntityKey = Key(entry),
                Action = action,
                Before = before,
                After = after,
            });
        }
        return entries;
    }

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static string Values(EntityEntry entry, bool original) =>
        Serialize(entry.Properties.Where(p => !Crypto.PersonalDataMapping.IsBlindIndex(p.Metadata))
            .Select(p => (p.Metadata.Name, original ? p.OriginalValue : p.CurrentValue)));

    /// <summary>
    /// The "after" values of a new record that never went through the change tracker (bulk writes),
    /// in exactly the form <see cref="Collect"/> gives for an added entity: the same names in the same
    /// (ordinal) order, the same masking, and each value written as <see cref="JsonSerializer"/> writes
    /// it (common types directly, any other through the serializer itself). <paramref name="properties"/>
    /// must be sorted by name (ordinal).
    /// </summary>
    public static string Created(IReadOnlyList<(string Name, IClrPropertyGetter Getter)> properties, object entity)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOptions.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var (name, getter) in properties)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, name, getter.GetClrValueUsingContainingEntity(entity));
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The JSON encoder of audit values (Chinese kept readable).</summary>
    internal static System.Text.Encodings.Web.JavaScriptEncoder Encoder => JsonOptions.Encoder!;

    internal static bool IsMasked(string name) => Secret.Contains(name) || Phones.Contains(name) || IdNumbers.Contains(name);

    /// <summary>One property's value in an audit entry: masked by name, then written as <see cref="JsonSerializer"/> writes it.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (Masked(name, value))
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case Guid guid:
                writer.WriteStringValue(guid);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTime time:
                writer.WriteStringValue(time);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Enum choice when Enum.GetUnderlyingType(choice.GetType()) == typeof(int):
                writer.WriteNumberValue((int)(object)choice);
                break;
            case object other:
                JsonSerializer.Serialize(writer, other, other.GetType(), JsonOptions);
                break;
        }
    }

    /// <summary>The reference form of <see cref="Created"/> (what a save writes), for tests.</summary>
    internal static string Reference(IEnumerable<(string Name, object? Value)> properties) => Serialize(properties);

    private static object? Masked(string name, object? value) =>
        Secret.Contains(name) ? (value is null ? null : "***")
        : Phones.Contains(name) ? Masking.Phone(value as string)
        : IdNumbers.Contains(name) ? Masking.IdNumber(value as string)
        : value;

    private static string Serialize(IEnumerable<(string Name, object? Value)> properties)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            values[name] = Masked(name, value);
        }
        return JsonSerializer.Serialize(values, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
