using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>Which stations a monthly report lists: those in service during the month, and never more than 5,000.</summary>
public sealed class VisitReportLimitsTests(DemoDatabase database) : DemoApiTests(database)
{
    private const string CrowdedDistrict = "测试区";
    private string _key = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _key = await Factory.Services.GetRequiredService<OperatorKeys>().CreateAsync($"limits-{Guid.NewGuid():N}", "operator", CancellationToken.None);
    }

    [Fact]
    public async Task A_report_of_more_than_5000_stations_is_refused_naming_the_district()
    {
        await using (var command = Database.DataSources.Write.CreateCommand("""
            INSERT INTO station (source, external_id, kind, name, district, location)
            SELECT 'limits-test', 'c' || g, 'warm_station', '驿站 ' || g, @district, ST_SetSRID(ST_MakePoint(116.4, 39.9), 4326)
            FROM generate_series(1, 5001) AS g
            ON CONFLICT DO NOTHING
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("district", CrowdedDistrict));
            await command.ExecuteNonQueryAsync();
        }

        await Problems.AssertNamesFieldAsync(
            await SendAsync($"/api/reports/visits.xlsx?month=2026-11&district={Uri.EscapeDataString(CrowdedDistrict)}"), HttpStatusCode.UnprocessableEntity, "district");
        await Problems.AssertNamesFieldAsync(await SendAsync("/api/reports/visits?month=2026-11"), HttpStatusCode.UnprocessableEntity, "district");
    }

    [Fact]
    public async Task Stations_retired_before_the_month_are_left_out_and_those_retired_during_it_kept()
    {
        var (before, during, district) = await RetireTwoAsync();

        var response = await SendAsync($"/api/reports/visits?month=2026-11&district={Uri.EscapeDataString(district)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = (await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("stationTotals").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();

        Assert.DoesNotContain(before, listed);
        Assert.Contains(during, listed);
    }

    // Two stations of one district: one retired on 15 October, one on 15 November (Beijing time).
    private async Task<(long Before, long During, string District)> RetireTwoAsync()
    {
        await using var command = Database.DataSources.Write.CreateCommand("""
            WITH two AS (
                SELECT id, district, row_number() OVER (ORDER BY id) AS n FROM station
                WHERE district = (SELECT min(district) FROM station WHERE district <> @crowded) AND retired_at IS NULL
                ORDER BY id LIMIT 2
            )
            UPDATE station s
            SET retired_at = CASE two.n WHEN 1 THEN timestamptz '2026-10-15 12:00+08' ELSE timestamptz '2026-11-15 12:00+08' END
            FROM two WHERE s.id = two.id
            RETURNING s.id, s.district, two.n
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("crowded", CrowdedDistrict));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long Id, string District, long N)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return (rows.Single(r => r.N == 1).Id, rows.Single(r => r.N == 2).Id, rows[0].District);
    }

    private async Task<HttpResponseMessage> SendAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        return await Client.SendAsync(request);
    }
}
