using System.Net;
using System.Net.Http.Json;
using Kechuang.Platform.Crypto;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Directory;

/// <summary>
/// Phone and 身份证 numbers are SM4-GCM ciphertext in the database and plain (masked as before) everywhere a person
/// sees them; whole numbers are found through the blind index; a changed ciphertext is an error, never a wrong number.
/// </summary>
public abstract class PersonalDataTests(KechuangApp app)
{
    private static readonly (string Table, string Column)[] Protected =
    [
        ("directory_person", "phone"), ("directory_person", "id_number"), ("directory_organization", "contact_phone"),
        ("talent_phd", "phone"), ("market_achievement", "contact_phone"),
    ];

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Guid> CreatePersonAsync(HttpClient staff, string name, string phone, string? idNumber, Guid? organizationId = null)
    {
        var response = await staff.PostJsonAsync("/api/v1/people", new { name, kind = "contact", organizationId, phone, idNumber, regionCode = "330723" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.CreatedIdAsync();
    }

    // Column and table names come from this class, never from input.
#pragma warning disable EF1003
    private Task<string?> RawAsync(string column, Guid id) => app.WithDbAsync(db =>
        db.Database.SqlQueryRaw<string?>("SELECT " + column + " AS \"Value\" FROM directory_person WHERE id = {0}", id).SingleAsync());

    private Task<List<string>> RawColumnAsync(string table, string column) => app.WithDbAsync(db =>
        db.Database.SqlQueryRaw<string>("SELECT " + column + " AS \"Value\" FROM " + table + " WHERE " + column + " IS NOT NULL").ToListAsync());
#pragma warning restore EF1003

    [Fact]
    public async Task RawColumns_HoldOnlyCiphertext_AndTheApiShowsThePlainNumbers()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = NewPhone();
        var idNumber = KechuangApp.NewIdNumber();

        var id = await CreatePersonAsync(staff, $"加密{tag}", phone, idNumber);

        var rawPhone = await RawAsync("phone", id);
        var rawId = await RawAsync("id_number", id);
        Assert.StartsWith($"sm4:{KechuangApp.PersonalDataKeyId}:", rawPhone, StringComparison.Ordinal);
        Assert.StartsWith($"sm4:{KechuangApp.PersonalDataKeyId}:", rawId, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[3..], rawPhone, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber[6..14], rawId, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", await RawAsync("phone_index", id));
        // Every value of every protected column, the demo dataset's included, is ciphertext.
        foreach (var (table, column) in Protected)
        {
            var values = await RawColumnAsync(table, column);
            Assert.True(values.Count > 0 || table == "market_achievement", $"{table}.{column} has values to check");
            Assert.All(values, v => Assert.StartsWith("sm4:", v, StringComparison.Ordinal));
        }
        var detail = await (await staff.GetAsync($"/api/v1/people/{id}")).ReadJsonAsync();
        Assert.Equal(phone, detail.GetProperty("phone").GetString());
        Assert.Equal(idNumber, detail.GetProperty("idNumber").GetString());
        var phds = await (await staff.GetAsync("/api/v1/talent/phds?pageSize=50")).ReadJsonAsync();
        Assert.Contains(phds.GetProperty("items").EnumerateArray(), p => p.GetProperty("phone").GetString() is { Length: 11 } n && n.All(char.IsAsciiDigit));
    }

    [Fact]
    public async Task Numbers_AreMaskedAsBefore_InListDetailAndExport()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        var own = (await (await enterprise.GetAsync("/api/v1/organizations?kind=enterprise")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = NewPhone();
        var idNumber = KechuangApp.NewIdNumber();
        await CreatePersonAsync(staff, $"遮蔽{tag}", phone, idNumber, own);

        var masked = (await (await enterprise.GetAsync($"/api/v1/people?q={tag}")).ReadJsonAsync()).GetProperty("items")[0];
        var staffExport = (await (await staff.GetAsync($"/api/v1/people/export?q={tag}")).Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        var maskedExport = (await (await enterprise.GetAsync($"/api/v1/people/export?q={tag}")).Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();

        Assert.Equal(phone[..3] + "****" + phone[^4..], masked.GetProperty("phone").GetString());
        Assert.Equal(idNumber[..6] + "********" + idNumber[^4..], masked.GetProperty("idNumber").GetString());
        Assert.Equal(phone, staffExport["联系电话"]?.ToString());
        Assert.Equal(idNumber, staffExport["身份证号码"]?.ToString());
        Assert.Equal(phone[..3] + "****" + phone[^4..], maskedExport["联系电话"]?.ToString());
    }

    [Fact]
    public async Task CreateOrUpdatePerson_WithAnIdNumberAlreadyRegistered_Is409_AndChangesNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var idNumber = KechuangApp.NewIdNumber();
        await CreatePersonAsync(staff, $"首登{tag}", NewPhone(), idNumber);
        var other = await CreatePersonAsync(staff, $"他人{tag}", NewPhone(), null);

        // The same number typed in lower case (check character x) is the same number.
        var duplicate = await staff.PostJsonAsync("/api/v1/people", new { name = $"重登{tag}", kind = "contact", idNumber = idNumber.ToLowerInvariant(), regionCode = "330723" });
        var update = await staff.PutAsJsonAsync($"/api/v1/people/{other}", new { name = $"他人{tag}", kind = "contact", idNumber, regionCode = "330723" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("directory.duplicate-id-number", (await duplicate.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, update.StatusCode);
        Assert.Equal(0, (await (await staff.GetAsync($"/api/v1/people?q=重登{tag}")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Null(await RawAsync("id_number", other));
    }

    [Fact]
    public async Task SameIdNumberRegisteredAtOnce_OneIs201_TheOthersAre409_Never500()
    {
        var idNumber = KechuangApp.NewIdNumber();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.ClientAsync("wuyi.staff")));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostJsonAsync("/api/v1/people",
            new { name = $"并发{i}{Guid.NewGuid():N}"[..12], kind = "contact", idNumber, regionCode = "330723" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("directory.duplicate-id-number", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Search_ByAWholeNumber_FindsThePersonThroughTheIndex_ButNotByPartOfIt()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        var own = (await (await enterprise.GetAsync("/api/v1/organizations?kind=enterprise")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = NewPhone();
        var idNumber = KechuangApp.NewIdNumber();
        var id = await CreatePersonAsync(staff, $"查找{tag}", phone, idNumber, own);

        async Task<List<Guid>> FoundAsync(HttpClient client, string q) =>
            [.. (await (await client.GetAsync($"/api/v1/people?q={Uri.EscapeDataString(q)}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];

        Assert.Equal([id], await FoundAsync(staff, phone));
        Assert.Equal([id], await FoundAsync(staff, $"{phone[..3]} {phone[3..7]} {phone[7..]}"));
        Assert.Equal([id], await FoundAsync(staff, idNumber));
        Assert.Empty(await FoundAsync(staff, phone[3..]));
        // An account that sees numbers masked cannot confirm one by searching for it.
        Assert.Equal([id], await FoundAsync(enterprise, $"查找{tag}"));
        Assert.Empty(await FoundAsync(enterprise, phone));
    }

    [Fact]
    public async Task PlainValuesWrittenBeforeEncryption_AreEncryptedByTheStartUpPass_AndKeepTheirValue()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await CreatePersonAsync(staff, $"旧数据{tag}", NewPhone(), null);
        var phone = NewPhone();
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE directory_person SET phone = {phone}, phone_index = NULL WHERE id = {id}"));

        var result = await app.WithServiceAsync<PersonalDataRotation, RotationResult>(r => r.EncryptPlainValuesAsync());

        Assert.Equal(1, result.Changed["directory_person.phone"]);
        Assert.StartsWith("sm4:", await RawAsync("phone", id), StringComparison.Ordinal);
        Assert.Equal(phone, (await (await staff.GetAsync($"/api/v1/people/{id}")).ReadJsonAsync()).GetProperty("phone").GetString());
        Assert.Equal(1, (await (await staff.GetAsync($"/api/v1/people?q={phone}")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Empty((await app.WithServiceAsync<PersonalDataRotation, RotationResult>(r => r.EncryptPlainValuesAsync())).Changed);
    }

    [Fact]
    public async Task TamperedCiphertext_IsAnError_NotAWrongNumber()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = NewPhone();
        var id = await CreatePersonAsync(staff, $"篡改{tag}", phone, null);
        var stored = (await RawAsync("phone", id))!;
        var chars = stored.ToCharArray();
        var at = stored.Length - 10;
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        var tampered = new string(chars);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE directory_person SET phone = {tampered} WHERE id = {id}"));
        try
        {
            var response = await staff.GetAsync($"/api/v1/people/{id}");

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.DoesNotContain(phone[3..], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE directory_person SET phone = {stored} WHERE id = {id}"));
        }
        Assert.Equal(phone, (await (await staff.GetAsync($"/api/v1/people/{id}")).ReadJsonAsync()).GetProperty("phone").GetString());
    }

    public sealed class OnSqlite(SqliteApp app) : PersonalDataTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PersonalDataTests(app), IClassFixture<PostgresApp>;
}
