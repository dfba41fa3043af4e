using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Checkins.CheckinRows;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// <c>GET /api/stations/{id}/visits</c>: a visit is one device per station per China day among the <c>visited</c>
/// check-ins that weigh, plus the days folded into <c>visit_daily</c>. The API's clock stands at 2026-11-24 10:00 in Beijing.
/// </summary>
public sealed class StationVisitsTests(DemoDatabase database) : DemoApiTests(database)
{
    private static readonly DateOnly Day = new(2026, 11, 10);

    [Fact]
    public async Task Repeated_visits_of_one_device_on_one_day_count_once()
    {
        var station = await StationAsync(0);
        var (often, once) = (NewDevice(), NewDevice());
        await InsertAsync(Database.DataSources.Write,
        [
            new(station, often, At(Day, 8)), new(station, often, At(Day, 12, 30)), new(station, often, At(Day, 23, 59)),
            new(station, once, At(Day, 9)),
            // The same device the next China day (00:10 in Beijing is still the 10th in UTC) is another visit.
            new(station, often, At(Day.AddDays(1), 0, 10)),
        ]);

        var visits = await VisitsAsync(station, "from=2026-11-10&to=2026-11-11");

        Assert.Equal([2, 1], Counts(visits));
        Assert.Equal(3, visits.GetProperty("visits").GetInt32());
    }

    [Fact]
    public async Task Check_ins_that_weigh_nothing_or_are_not_visits_do_not_count()
    {
        var station = await StationAsync(1);
        var device = NewDevice();
        await InsertAsync(Database.DataSources.Write,
        [
            new(station, NewDevice(), At(Day, 8), Weight: 0),
            new(station, NewDevice(), At(Day, 9), Weight: 0),
            new(station, device, At(Day, 10), "open_confirmed"),
            new(station, device, At(Day, 11), "crowded"),
            new(station, NewDevice(), At(Day, 12), "closed_now"),
            new(station, NewDevice(), At(Day, 13), "amenity_missing"),
            new(station, device, At(Day, 14)),
        ]);

        var visits = await VisitsAsync(station, "from=2026-11-10&to=2026-11-10");
        Assert.Equal([1], Counts(visits));
    }

    [Fact]
    public async Task Folded_days_are_added_to_the_days_still_in_check_ins()
    {
        var station = await StationAsync(2);
        await FoldAsync(Database.DataSources.Write, station, new DateOnly(2026, 8, 1), 41);
        await FoldAsync(Database.DataSources.Write, station, new DateOnly(2026, 8, 3), 7);
        await InsertAsync(Database.DataSources.Write, [new(station, NewDevice(), At(new DateOnly(2026, 8, 4), 15))]);

        var visits = await VisitsAsync(station, "from=2026-08-01&to=2026-08-05");

        Assert.Equal([41, 0, 7, 1, 0], Counts(visits));
        Assert.Equal(49, visits.GetProperty("visits").GetInt32());
        Assert.Equal(
            ["2026-08-01", "2026-08-02", "2026-08-03", "2026-08-04", "2026-08-05"],
            visits.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("day").GetString()));
    }

    [Fact]
    public async Task Other_stations_and_days_outside_the_range_are_left_out()
    {
        var (station, other) = (await StationAsync(3), await StationAsync(4));
        await InsertAsync(Database.DataSources.Write,
        [
            new(station, NewDevice(), At(Day, 0, 0)),
            new(other, NewDevice(), At(Day, 10)),
            // 23:59 the day before and 00:00 the day after, in Beijing.
            new(station, NewDevice(), At(Day.AddDays(-1), 23, 59)),
            new(station, NewDevice(), At(Day.AddDays(1), 0, 0)),
        ]);

        var visits = await VisitsAsync(station, "from=2026-11-10&to=2026-11-10");
        Assert.Equal([1], Counts(visits));
    }

    [Theory]
    [InlineData("", "2026-10-26", "2026-11-24")]
    [InlineData("from=2026-01-01", "2026-01-01", "2026-01-30")]
    [InlineData("to=2026-03-01", "2026-01-31", "2026-03-01")]
    [InlineData("from=2024-01-01&to=2024-12-31", "2024-01-01", "2024-12-31")]
    [InlineData("from=%202026-11-01%20&to=2026-11-01", "2026-11-01", "2026-11-01")]
    public async Task The_range_defaults_to_30_days_ending_today_in_China(string query, string from, string to)
    {
        var visits = await VisitsAsync(await StationAsync(0), query);
        Assert.Equal(from, visits.GetProperty("from").GetString());
        Assert.Equal(to, visits.GetProperty("to").GetString());
        var days = visits.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("day").GetString()).ToList();
        Assert.Equal(from, days[0]);
        Assert.Equal(to, days[^1]);
        Assert.Equal(DateOnly.Parse(to).DayNumber - DateOnly.Parse(from).DayNumber + 1, days.Count);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("to=26-11-01", "to")]
    [InlineData("from=2026-11-01T00:00", "from")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=2026-11-02&to=2026-11-01", "to")]
    [InlineData("from=2024-01-01&to=2025-01-01", "to")]
    [InlineData("day=2026-11-01", "day")]
    public async Task Bad_dates_and_ranges_are_a_problem_naming_the_parameter(string query, string field)
    {
        var response = await Client.GetAsync($"/api/stations/{await StationAsync(0)}/visits?{query}");
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_unknown_station_is_a_404_problem()
    {
        var response = await Client.GetAsync("/api/stations/987654321/visits");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<long> StationAsync(int index) => (await StationsAsync(Database.DataSources.Read, 1, 8))[index].Id;

    private async Task<JsonElement> VisitsAsync(long station, string query)
    {
        var response = await Client.GetAsync($"/api/stations/{station}/visits?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var visits = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(station, visits.GetProperty("stationId").GetInt64());
        return visits;
    }

    private static int[] Counts(JsonElement visits) =>
        [.. visits.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("visits").GetInt32())];
}
