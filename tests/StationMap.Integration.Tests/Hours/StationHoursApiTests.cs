using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Import;
using StationMap.Import.Reporting;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Hours;

/// <summary>
/// The case table end to end: each Chinese text imported from a CSV file, stored as opening_hours with the original
/// beside it, and answered by the station detail as the week the table says; texts that are not hours warned about
/// with their line. Then the holiday calendar through the API: National Day, its make-up Sunday, an unknown year.
/// </summary>
public sealed class StationHoursApiTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const double Lon = 116.4074;

    // xunit makes an instance per test, and each imports its own stations: a latitude of their own keeps one test's
    // stations out of another's nearest answers.
    private readonly double _lat = 39.9042 + Random.Shared.Next(1, 5000) * 1e-4;
    private readonly string _source = NewSource("hours");
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private ImportResult _import = null!;
    private Dictionary<string, long> _ids = [];

    public async Task InitializeAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), _source + ".csv");
        var lines = new List<string> { "external_id,name,kind,lat,lon,opening_hours" };
        lines.AddRange(ChineseHoursCases.Cases.Select((c, i) => Row($"case-{i}", c.Input)));
        lines.AddRange(ChineseHoursCases.Rejected.Select((c, i) => Row($"rejected-{i}", c.Input)));
        lines.Add(Row("office", "Mo-Fr 08:00-18:00; PH off"));
        await File.WriteAllLinesAsync(file, lines);
        _import = await ImportAsync(database.DataSources.Write, new ImportOptions { FilePath = file, Source = _source });
        File.Delete(file);

        await using var command = database.DataSources.Read.CreateCommand("SELECT external_id, id FROM station WHERE source = @s");
        command.Parameters.AddWithValue("s", _source);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ids[reader.GetString(0)] = reader.GetInt64(1);
        }
        _factory = new StationMapFactory(database.ConnectionString);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Every_case_is_stored_converted_and_its_week_answered_as_the_table_says()
    {
        // 10:00 on Saturday 19 September 2026 in Beijing: the table's week starts today.
        _factory.Time.SetUtcNow(new DateTimeOffset(2026, 9, 19, 2, 0, 0, TimeSpan.Zero));

        for (var i = 0; i < ChineseHoursCases.Cases.Count; i++)
        {
            var (input, osm, week) = ChineseHoursCases.Cases[i];
            var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{_ids[$"case-{i}"]}");

            Assert.Equal(osm, detail.GetProperty("openingHours").GetString());
            Assert.Equal(input, detail.GetProperty("openingHoursOriginal").GetString());
            var days = detail.GetProperty("week").EnumerateArray().ToList();
            Assert.Equal(ChineseHoursCases.WeekFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days[0].GetProperty("date").GetString());
            Assert.Equal(week, days.Select(Describe));
        }
    }

    [Fact]
    public async Task Texts_that_are_not_hours_are_warned_with_their_line_and_answer_unknown()
    {
        for (var i = 0; i < ChineseHoursCases.Rejected.Count; i++)
        {
            var (input, because) = ChineseHoursCases.Rejected[i];
            // Line 1 is the header, then the cases, then the rejected texts.
            var line = 2 + ChineseHoursCases.Cases.Count + i;
            var warning = Assert.Single(_import.Report.Issues, w => w.Position == line);
            Assert.Equal((RowOutcome.Warning, "opening_hours", input), (warning.Outcome, warning.Field, warning.Value));
            Assert.Contains(because, warning.Reason, StringComparison.Ordinal);

            var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{_ids[$"rejected-{i}"]}");
            Assert.Equal(input, detail.GetProperty("openingHours").GetString());
            Assert.Equal(JsonValueKind.Null, detail.GetProperty("openNow").ValueKind);
            Assert.Equal(JsonValueKind.Null, detail.GetProperty("week").ValueKind);
        }
        Assert.Equal(ChineseHoursCases.Rejected.Count, _import.Report.Warnings);
    }

    [Theory]
    // National Day 2026 (a Thursday): closed; its make-up Sunday: open; an ordinary Sunday: closed
    [InlineData("2026-10-01T10:00", false)]
    [InlineData("2026-09-20T10:00", true)]
    [InlineData("2026-09-13T10:00", false)]
    [InlineData("2026-10-08T10:00", true)]
    // 2027: no notice entered, so no answer rather than a guess
    [InlineData("2027-03-01T10:00", null)]
    public async Task PH_off_follows_the_calendar_in_the_detail_and_in_nearest(string at, bool? open)
    {
        _factory.Time.SetUtcNow(DateTimeOffset.Parse(at + "+08:00", CultureInfo.InvariantCulture));
        var id = _ids["office"];

        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{id}");
        var nearest = await _client.GetFromJsonAsync<JsonElement>(
            $"/api/stations/nearest?lat={_lat.ToString(CultureInfo.InvariantCulture)}&lon={Lon.ToString(CultureInfo.InvariantCulture)}&k=100&maxDistanceM=10");
        var openOnly = await _client.GetFromJsonAsync<JsonElement>(
            $"/api/stations/nearest?lat={_lat.ToString(CultureInfo.InvariantCulture)}&lon={Lon.ToString(CultureInfo.InvariantCulture)}&k=100&maxDistanceM=10&openNow=true");

        Assert.Equal(open, OpenNow(detail));
        Assert.Equal(open, OpenNow(nearest.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == id)));
        Assert.Equal(open == true, openOnly.GetProperty("items").EnumerateArray().Any(s => s.GetProperty("id").GetInt64() == id));
    }

    [Fact]
    public async Task The_week_names_the_holidays_and_make_up_days_and_leaves_unknown_days_empty()
    {
        // Thursday 24 December 2026: the 25th onwards wait for the 2027 notice.
        _factory.Time.SetUtcNow(new DateTimeOffset(2026, 12, 24, 2, 0, 0, TimeSpan.Zero));

        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/stations/{_ids["office"]}");

        Assert.Equal(
            ["2026-12-24 08:00-18:00", "2026-12-25 unknown", "2026-12-26 unknown", "2026-12-27 unknown", "2026-12-28 unknown", "2026-12-29 unknown", "2026-12-30 unknown"],
            detail.GetProperty("week").EnumerateArray().Select(d => $"{d.GetProperty("date").GetString()} {Describe(d)}"));
    }

    private static bool? OpenNow(JsonElement station) =>
        station.GetProperty("openNow").ValueKind == JsonValueKind.Null ? null : station.GetProperty("openNow").GetBoolean();

    private static string Describe(JsonElement day)
    {
        var spans = day.GetProperty("spans");
        var holiday = day.GetProperty("publicHoliday");
        return ChineseHoursCases.Describe(
            spans.ValueKind == JsonValueKind.Null ? null
                : [.. spans.EnumerateArray().Select(s => new StationMap.Domain.Hours.OpeningSpan(Time(s, "start"), Time(s, "end")))],
            holiday.ValueKind == JsonValueKind.Null ? null : holiday.GetString(),
            day.GetProperty("adjustedWorkingDay").GetBoolean());
    }

    private static TimeSpan Time(JsonElement span, string name)
    {
        var parts = span.GetProperty(name).GetString()!.Split(':');
        return TimeSpan.FromMinutes(int.Parse(parts[0], CultureInfo.InvariantCulture) * 60 + int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private string Row(string id, string hours) =>
        string.Create(CultureInfo.InvariantCulture, $"{id},驿站 {id},warm_station,{_lat:R},{Lon:R},\"{hours.Replace("\"", "\"\"")}\"");
}
