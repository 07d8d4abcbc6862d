using Kechuang.Platform.Problems;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>A full disk or a database that only reads is a 503 that says so, not a generic 500.</summary>
public class StorageProblemsTests
{
    public static TheoryData<Exception, string> Storage => new()
    {
        { new DbUpdateException("save", new SqliteException("database or disk is full", 13)), "服务器存储空间已满" },
        { new SqliteException("attempt to write a readonly database", 8), "数据库当前只能读取，不能写入" },
        { new DbUpdateException("save", new PostgresException("could not extend file", "ERROR", "ERROR", PostgresErrorCodes.DiskFull)), "服务器存储空间已满" },
        { new PostgresException("cannot execute INSERT in a read-only transaction", "ERROR", "ERROR", PostgresErrorCodes.ReadOnlySqlTransaction), "数据库当前只能读取，不能写入" },
        { new IOException("No space left on device", 28), "服务器存储空间已满" },
        { new SqliteException("unable to open database file", 14), "无法打开数据库文件" },
    };

    [Theory]
    [MemberData(nameof(Storage))]
    public void StorageFailure_Is503SayingWhatIsWrongAndThatNothingWasSaved(Exception exception, string reason)
    {
        var problem = ProblemHandler.Map(exception);

        Assert.Equal(503, problem.Status);
        Assert.Equal($"{reason}，本次操作没有保存，请联系管理员", problem.Title);
        Assert.Equal("storage.unavailable", problem.Extensions["code"]);
    }

    [Fact]
    public void OtherDatabaseFailures_StayInternalErrors()
    {
        Assert.Null(StorageProblems.Describe(new SqliteException("constraint failed", 19)));
        Assert.Null(StorageProblems.Describe(new PostgresException("deadlock", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)));
        Assert.Equal(500, ProblemHandler.Map(new IOException("broken pipe", 32)).Status);
    }

    [Fact]
    public void NoPrimaryAmongSeveralHosts_IsTheDatabaseUnreachable_OtherClientFailuresAreNot()
    {
        Assert.True(StorageProblems.Unreachable(new NpgsqlException("No suitable host was found.")));
        Assert.True(StorageProblems.Unreachable(new NpgsqlException("No suitable host was found.",
            new AggregateException(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))))));
        Assert.Equal(503, ProblemHandler.Map(new NpgsqlException("No suitable host was found.")).Status);

        Assert.False(StorageProblems.Unreachable(new NpgsqlException("Received backend message out of order", new InvalidOperationException())));
        Assert.False(StorageProblems.Unreachable(new PostgresException("deadlock", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)));
    }
}
