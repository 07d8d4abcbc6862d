using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kechuang.Platform.Problems;

/// <summary>
/// Failures of the storage under the database rather than of the request: a full disk, a database file or
/// server that only reads. The request cannot succeed by being sent again differently, and nothing of it was
/// saved (the transaction did not commit), so the answer says so in words an operator acts on.
/// </summary>
public static class StorageProblems
{
    private const int SqliteReadOnly = 8;
    private const int SqliteCannotOpen = 14;
    private const int SqliteFull = 13;
    private const int NoSpaceLeftOnDevice = 28;
    private const int DiskFullWindows = unchecked((int)0x80070070);

    /// <summary>What is wrong with the storage, in Chinese; null when <paramref name="exception"/> is not about storage.</summary>
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                case PostgresException { SqlState: PostgresErrorCodes.DiskFull }:
                case IOException { HResult: NoSpaceLeftOnDevice or DiskFullWindows }:
                    return "服务器存储空间已满";
                case SqliteException { SqliteErrorCode: SqliteReadOnly }:
                case PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction }:
                    return "数据库当前只能读取，不能写入";
                case SqliteException { SqliteErrorCode: SqliteCannotOpen }:
                    return "无法打开数据库文件";
            }
        }
        return null;
    }

    /// <summary>
    /// True when the database server could not be reached or dropped the connection (network, restart, failover):
    /// nothing of the request was committed, and the same request succeeds once the server answers again. A
    /// statement the server rejected is not this.
    /// </summary>
    public static bool Unreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException { IsTransient: true }:
                    return true;
                // A data source of several hosts that finds no primary (a failover under way) says so with no cause,
                // or with the hosts' own failures gathered.
                case NpgsqlException { InnerException: null or AggregateException }:
                    return true;
            }
        }
        return false;
    }
}
