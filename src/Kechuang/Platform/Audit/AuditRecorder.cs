using System.Text.Json;
using Kechuang.Platform.Data;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kechuang.Platform.Audit;

/// <summary>Turns tracked changes into audit entries (values before and after, personal numbers masked).</summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal) { "PasswordHash", "TokenHash" };
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

    private static string Values(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var value = original ? property.OriginalValue : property.CurrentValue;
            values[name] = Secret.Contains(name) ? (value is null ? null : "***")
                : Phones.Contains(name) ? Masking.Phone(value as string)
                : IdNumbers.Contains(name) ? Masking.IdNumber(value as string)
                : value;
        }
        return JsonSerializer.Serialize(values, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
