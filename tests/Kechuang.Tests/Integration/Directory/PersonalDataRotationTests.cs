using Kechuang.Modules.Directory;
using Kechuang.Modules.Market;
using Kechuang.Modules.Talent;
using Kechuang.Platform.Access;
using Kechuang.Platform.Crypto;
using Kechuang.Platform.Data;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Directory;

/// <summary>
/// <c>rotate-personal-data-key</c>'s work on a whole database: every value moves to the new key in batches, a second
/// run changes nothing, and afterwards the old key can be removed. Its own instance: the rotated database is no longer
/// readable with the keys the instance was started with.
/// </summary>
public abstract class PersonalDataRotationTests(KechuangApp app)
{
    private KechuangDb Context(PersonalDataCipher cipher)
    {
        var user = new CurrentUser();
        user.UseSystemScope("test");
        return app.Provider == Provider.Sqlite
            ? new SqliteKechuangDb(new DbContextOptionsBuilder<SqliteKechuangDb>().UseSqlite(app.ConnectionString).UseSnakeCaseNamingConvention().Options, user, TimeProvider.System, cipher)
            : new PostgresKechuangDb(new DbContextOptionsBuilder<PostgresKechuangDb>().UseNpgsql(app.ConnectionString).UseSnakeCaseNamingConvention().Options, user, TimeProvider.System, cipher);
    }

    private static PersonalDataCipher Cipher(string current, params string[] ids)
    {
        var keys = new Dictionary<string, byte[]>
        {
            [KechuangApp.PersonalDataKeyId] = Convert.FromBase64String(KechuangApp.PersonalDataKey),
            ["rot2"] = [.. Enumerable.Range(100, 16).Select(i => (byte)i)],
        };
        return new PersonalDataCipher(new PersonalDataKeys(ids.ToDictionary(id => id, id => keys[id]), current, Convert.FromBase64String(KechuangApp.PersonalDataIndexKey)));
    }

    [Fact]
    public async Task Rotate_ReencryptsEveryValue_IsIdempotent_AndTheOldKeyCanBeDropped()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var idNumber = KechuangApp.NewIdNumber();
        var created = await (await staff.PostJsonAsync("/api/v1/people", new { name = "轮换测试", kind = "contact", phone = "13912340000", idNumber, regionCode = "330723" })).CreatedIdAsync();
        var both = Cipher("rot2", KechuangApp.PersonalDataKeyId, "rot2");
        IReadOnlyDictionary<string, long> before;
        RotationResult first, second;
        var progress = new List<string>();
        await using (var db = Context(both))
        {
            var rotation = new PersonalDataRotation(db);
            before = await rotation.CountByKeyAsync();

            first = await rotation.RotateAsync(batchSize: 7, progress.Add);
            second = await rotation.RotateAsync(batchSize: 7, null);
        }

        Assert.Equal([KechuangApp.PersonalDataKeyId], before.Keys);
        Assert.Equal(before[KechuangApp.PersonalDataKeyId], first.Total);
        Assert.True(progress.Count > first.Changed.Count, "several batches per column");
        Assert.Equal(0, second.Total);
        await using (var db = Context(Cipher("rot2", "rot2")))
        {
            Assert.Equal(new Dictionary<string, long> { ["rot2"] = first.Total }, await new PersonalDataRotation(db).CountByKeyAsync());
            // Every record reads with the new key alone, and the blind index still finds the number.
            var people = await db.Set<Person>().IgnoreQueryFilters().ToListAsync();
            Assert.Equal(idNumber, people.Single(p => p.Id == created).IdNumber);
            Assert.NotEmpty(await db.Set<Organization>().IgnoreQueryFilters().Where(o => o.ContactPhone != null).ToListAsync());
            Assert.NotEmpty(await db.Set<PhdProfile>().IgnoreQueryFilters().Where(p => p.Phone != null).ToListAsync());
            Assert.NotNull(await db.Set<Achievement>().IgnoreQueryFilters().ToListAsync());
            var index = db.PersonalData.BlindIndex(PersonalDataKind.Phone, "13912340000");
            Assert.Equal([created], await db.Set<Person>().IgnoreQueryFilters()
                .Where(p => EF.Property<string>(p, PersonalDataMapping.IndexOf(nameof(Person.Phone))) == index).Select(p => p.Id).ToListAsync());
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Entity == "personal_data" && e.Action == "rotate-key" && e.EntityKey == "rot2"));
        }
        await using (var db = Context(Cipher(KechuangApp.PersonalDataKeyId, KechuangApp.PersonalDataKeyId)))
        {
            // The old key alone no longer reads anything: the values really moved.
            await Assert.ThrowsAnyAsync<Exception>(() => db.Set<Person>().IgnoreQueryFilters().Where(p => p.Id == created).ToListAsync());
            // A start with only the old key (a key file restored from before the rotation) is stopped, naming the missing key.
            var missing = await Assert.ThrowsAsync<PersonalDataException>(() => new PersonalDataRotation(db).EnsureKeysKnownAsync());
            Assert.Contains("“rot2”", missing.Message, StringComparison.Ordinal);
        }
        await using (var db = Context(Cipher("rot2", "rot2")))
        {
            await new PersonalDataRotation(db).EnsureKeysKnownAsync();
        }
    }

    public sealed class OnSqlite(SqliteApp app) : PersonalDataRotationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PersonalDataRotationTests(app), IClassFixture<PostgresApp>;
}
