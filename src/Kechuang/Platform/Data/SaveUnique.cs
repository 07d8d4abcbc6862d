using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Data;

public static class SaveUnique
{
    /// <summary>
    /// Saves, and turns the unique index's refusal of a concurrent duplicate (two requests that both found no row
    /// before either saved) into the same 409 the handler's own check gives.
    /// </summary>
    public static async Task SaveUniqueAsync(this KechuangDb db, Func<RuleException> duplicate, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw duplicate();
        }
    }

    public static bool IsUniqueViolation(DbUpdateException e) => IsUniqueViolation(e.InnerException);

    /// <summary>Whether a provider's exception (as EF Core wraps it, or as a bulk writer throws it) is a unique index's refusal.</summary>
    public static bool IsUniqueViolation(Exception? e) => e switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
