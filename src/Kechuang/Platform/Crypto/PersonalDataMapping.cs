using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kechuang.Platform.Crypto;

/// <summary>One protected column as stored: for the rotation, which works below EF on raw values.</summary>
public sealed record PersonalDataColumn(string Table, string KeyColumn, string Column, string IndexColumn, PersonalDataKind Kind);

/// <summary>
/// Marks a string property as personal data in an entity configuration. The column then holds SM4-GCM ciphertext
/// (the converter is attached by <c>KechuangDb</c>, which holds the keys), and a shadow column <c>&lt;Property&gt;Index</c>
/// beside it holds the HMAC-SM3 blind index, kept up to date on every save. Entities, handlers, masking and exports
/// see plain values; a query can only match a whole number, through <see cref="IndexOf"/>.
/// </summary>
public static class PersonalDataMapping
{
    private const string KindAnnotation = "Kechuang:PersonalData";
    private const string IndexAnnotation = "Kechuang:BlindIndexOf";

    /// <summary>The shadow property holding the blind index of <paramref name="property"/>.</summary>
    public static string IndexOf(string property) => property + "Index";

    public static EntityTypeBuilder<T> PersonalData<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, string?>> property, PersonalDataKind kind)
        where T : class
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        builder.Property(property).HasMaxLength(PersonalDataCipher.StoredMaxLength).HasAnnotation(KindAnnotation, kind.ToString());
        builder.Property<string?>(IndexOf(name)).HasMaxLength(PersonalDataCipher.IndexLength).HasAnnotation(IndexAnnotation, name);
        builder.HasIndex(IndexOf(name));
        return builder;
    }

    /// <summary>Attaches the converter of <paramref name="cipher"/> to every property marked as personal data.</summary>
    public static void Apply(ModelBuilder modelBuilder, PersonalDataCipher cipher)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (KindOf(property) is { } kind)
            {
                property.SetValueConverter(new ValueConverter<string, string>(
                    plain => cipher.Encrypt(plain, kind),
                    stored => cipher.Decrypt(stored, kind)));
            }
        }
    }

    /// <summary>True for a blind-index column: derived from a personal number, so it is kept out of the audit log.</summary>
    public static bool IsBlindIndex(IReadOnlyProperty property) => property.FindAnnotation(IndexAnnotation) is not null;

    /// <summary>Sets the blind index of every personal value about to be inserted or changed (before the save writes it).</summary>
    public static void UpdateIndexes(ChangeTracker tracker, PersonalDataCipher cipher)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var property in entry.Metadata.GetProperties())
            {
                if (KindOf(property) is not { } kind)
                {
                    continue;
                }
                var value = entry.Property(property.Name);
                if (entry.State == EntityState.Modified && !value.IsModified && entry.Property(IndexOf(property.Name)).CurrentValue is not null)
                {
                    continue;
                }
                var index = cipher.BlindIndex(kind, (string?)value.CurrentValue);
                var indexEntry = entry.Property(IndexOf(property.Name));
                if (!Equals(indexEntry.CurrentValue, index))
                {
                    indexEntry.CurrentValue = index;
                }
            }
        }
    }

    /// <summary>Every protected column of the model, with its table, key and index column.</summary>
    public static IReadOnlyList<PersonalDataColumn> Columns(IModel model)
    {
        var columns = new List<PersonalDataColumn>();
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetDeclaredProperties())
            {
                if (KindOf(property) is { } kind)
                {
                    var key = entity.FindPrimaryKey()!.Properties.Single();
                    columns.Add(new PersonalDataColumn(table, key.GetColumnName(store)!, property.GetColumnName(store)!,
                        entity.FindProperty(IndexOf(property.Name))!.GetColumnName(store)!, kind));
                }
            }
        }
        return columns;
    }

    private static PersonalDataKind? KindOf(IReadOnlyProperty property) =>
        property.FindAnnotation(KindAnnotation)?.Value is string kind ? Enum.Parse<PersonalDataKind>(kind) : null;
}
