using Kechuang.Modules.Market;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Kechuang.Tests.Unit.Market;

/// <summary>
/// The bid rules are stated once, in <see cref="MarketRules"/>; PostgreSQL runs the SQL written from them. A migration
/// holds that SQL as it was written, so a change of the rules needs a new migration: this test fails until there is one.
/// </summary>
public class MarketRulesSqlTests
{
    [Fact]
    public void Functions_AreThoseTheLatestPostgresMigrationCreated()
    {
        var created = LatestCreated();

        foreach (var function in MarketRulesSql.Functions)
        {
            var name = function[..function.IndexOf('(', StringComparison.Ordinal)];
            Assert.True(created.TryGetValue(name, out var migrated), $"No migration creates {name}. Add one (scripts/add-migration.sh) whose Up runs:\n{function}");
            Assert.True(Normalize(migrated).Contains(Normalize(function), StringComparison.Ordinal),
                $"The bid rules changed since the last migration that created {name}. Add a migration whose Up runs:\n{function}");
        }
    }

    [Fact]
    public void LotRefusal_NamesEachLotRuleInOrder_AndRefusesWhenAFactIsMissing()
    {
        var sql = MarketRulesSql.LotRefusal;

        var positions = MarketRules.LotRules.Select(r => sql.IndexOf($"THEN '{r.Name}'", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(MarketRules.LotRules.Count, sql.Split("IS NOT TRUE THEN").Length - 1);
        // The status is stored by name: the rule compares text, never the enum's number.
        Assert.Contains("(p_status = 'Open')", sql, StringComparison.Ordinal);
    }

    /// <summary>The text of every market rule function as the last Postgres migration creating it left it, by "CREATE OR REPLACE FUNCTION name".</summary>
    private static Dictionary<string, string> LatestCreated()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        var migrations = db.GetService<IMigrationsAssembly>();
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in migrations.Migrations.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value))
        {
            var migration = migrations.CreateMigration(type, db.Database.ProviderName!);
            foreach (var sql in migration.UpOperations.OfType<SqlOperation>().Select(o => o.Sql))
            {
                foreach (var function in MarketRulesSql.Functions)
                {
                    var name = function[..function.IndexOf('(', StringComparison.Ordinal)];
                    if (sql.Contains(name + "(", StringComparison.Ordinal))
                    {
                        created[name] = sql;
                    }
                }
            }
        }
        return created;
    }

    private static string Normalize(string sql) => string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
