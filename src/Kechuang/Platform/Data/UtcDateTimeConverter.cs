using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kechuang.Platform.Data;

/// <summary>Times are UTC in the database; SQLite forgets the kind, so it is restored on read.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
