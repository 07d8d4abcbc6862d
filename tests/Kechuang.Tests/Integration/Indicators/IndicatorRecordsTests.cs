using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Indicators;

/// <summary>
/// Provenance holds for every indicator: its records URL opens a page and its records API URL answers a list, for the
/// demo county in the letter's two years. A figure whose records cannot be listed cannot be checked by the reader.
/// </summary>
public abstract class IndicatorRecordsTests(KechuangApp app)
{
    [Fact]
    public async Task EveryIndicator_RecordsApiUrl_AnswersAList_AndRecordsUrl_OpensAPage()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var catalogue = await (await staff.GetAsync("/api/v1/indicators")).ReadJsonAsync();
        var codes = (catalogue.ValueKind == JsonValueKind.Array ? catalogue : catalogue.GetProperty("items"))
            .EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        var failures = new List<string>();

        foreach (var code in codes)
        {
            foreach (var year in new[] { 2022, 2023 })
            {
                var value = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723&year={year}")).ReadJsonAsync();
                var api = value.GetProperty("recordsApiUrl").GetString()!;
                var page = value.GetProperty("recordsUrl").GetString()!;
                var answer = await staff.GetAsync(api);
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{code} {year}: {api} → {(int)answer.StatusCode}");
                }
                else if (!(await answer.ReadJsonAsync()).TryGetProperty("items", out _))
                {
                    failures.Add($"{code} {year}: {api} answers no items");
                }
                var opened = await staff.GetAsync(page);
                if (opened.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{code} {year}: page {page} → {(int)opened.StatusCode}");
                }
            }
        }

        Assert.True(codes.Count > 40, $"{codes.Count} indicators");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public sealed class OnSqlite(SqliteApp app) : IndicatorRecordsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : IndicatorRecordsTests(app), IClassFixture<PostgresApp>;
}
