using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;
using Xunit.Abstractions;
using static StationMap.Integration.Tests.Checkins.CheckinRows;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// The operators' monthly visit report: its counts equal a count over the raw rows, made here independently of the
/// API's SQL, and the CSV and the .xlsx (read back with MiniExcel and with GDAL's XLSX driver) hold the same numbers
/// as the JSON. November 2026 gets random check-ins of every kind and weight at stations of three districts.
/// </summary>
public sealed class VisitReportTests(VisitReportTests.Month month, ITestOutputHelper output) : IClassFixture<VisitReportTests.Month>, IAsyncLifetime
{
    private const string VisitSheet = "到访人次";
    private static readonly DateOnly November = new(2026, 11, 1);
    private StationMapFactory _factory = null!;
    private HttpClient _client = null!;
    private string _key = "";

    private DemoDatabase Database => month.Database;

    private IReadOnlyList<(long Id, string District)> Stations => month.Stations;

    public async Task InitializeAsync()
    {
        output.WriteLine(month.Seeded);
        _factory = new StationMapFactory(Database.ConnectionString);
        _client = _factory.CreateClient();
        _key = await _factory.Services.GetRequiredService<OperatorKeys>().CreateAsync($"report-{Guid.NewGuid():N}", "operator", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_report_counts_what_a_count_over_the_raw_rows_counts()
    {
        var report = await ReportAsync("?month=2026-11");

        Assert.Equal("2026-11", report.GetProperty("month").GetString());
        Assert.Equal(30, report.GetProperty("days").GetArrayLength());
        var stations = report.GetProperty("stationTotals").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetInt64());
        foreach (var (id, _) in Stations)
        {
            var days = stations[id].GetProperty("days").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var expected = Enumerable.Range(0, 30).Select(i => month.Expected.GetValueOrDefault((id, November.AddDays(i)))).ToArray();
            Assert.Equal(expected, days);
            Assert.Equal(expected.Sum(), stations[id].GetProperty("visits").GetInt32());
        }
        // Every other station of the demo data is listed too, with no visits.
        Assert.Equal(await LiveStationsAsync(null), stations.Count);
        Assert.Equal(month.Expected.Values.Sum(), report.GetProperty("visits").GetInt32());
        Assert.Equal(await RawCountAsync(null), report.GetProperty("visits").GetInt32());
        Assert.True(report.GetProperty("visits").GetInt32() > 100, "too few visits for the test to mean anything");

        foreach (var district in report.GetProperty("districtTotals").EnumerateArray())
        {
            var name = district.GetProperty("district").GetString();
            var members = stations.Values.Where(s => s.GetProperty("district").GetString() == name).ToList();
            Assert.Equal(members.Count, district.GetProperty("stations").GetInt32());
            Assert.Equal(members.Sum(s => s.GetProperty("visits").GetInt32()), district.GetProperty("visits").GetInt32());
            if (name is not null)
            {
                Assert.Equal(await RawCountAsync(name), district.GetProperty("visits").GetInt32());
            }
        }
    }

    [Fact]
    public async Task A_district_report_lists_only_that_district()
    {
        var district = Stations[0].District;
        var report = await ReportAsync($"?month=2026-11&district={Uri.EscapeDataString(district)}");

        Assert.Equal(district, report.GetProperty("district").GetString());
        var listed = report.GetProperty("stationTotals").EnumerateArray().ToList();
        Assert.All(listed, s => Assert.Equal(district, s.GetProperty("district").GetString()));
        Assert.Equal(await LiveStationsAsync(district), listed.Count);
        Assert.Equal(await RawCountAsync(district), report.GetProperty("visits").GetInt32());
        Assert.Single(report.GetProperty("districtTotals").EnumerateArray());
    }

    [Fact]
    public async Task The_CSV_and_the_xlsx_hold_the_same_numbers_as_the_JSON()
    {
        var district = Stations[^1].District;
        var query = $"?month=2026-11&district={Uri.EscapeDataString(district)}";
        var expected = Table(await ReportAsync(query));

        var csvResponse = await SendAsync("/api/reports/visits.csv" + query);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"visits-2026-11-{district}.csv", csvResponse.Content.Headers.ContentDisposition?.FileNameStar);
        var csvBytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var csv = ReadCsv(Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3));
        Assert.Equal(expected, csv);

        var xlsxResponse = await SendAsync("/api/reports/visits.xlsx" + query);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        var xlsx = await xlsxResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(expected, ReadWithMiniExcel(xlsx));
        Assert.Equal(expected, await ReadWithGdalAsync(xlsx, expected[0]));
    }

    [Fact]
    public async Task A_month_without_visits_lists_itsStations_with_zeros()
    {
        var report = await ReportAsync("?month=2025-02");
        Assert.Equal(28, report.GetProperty("days").GetArrayLength());
        Assert.Equal(0, report.GetProperty("visits").GetInt32());
        Assert.Equal(await LiveStationsAsync(null), report.GetProperty("stations").GetInt32());
    }

    [Fact]
    public async Task The_month_defaults_to_the_current_one_in_China()
    {
        // 2026-11-30 17:00 UTC is already 1 December in Beijing.
        _factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        try
        {
            Assert.Equal("2026-12", (await ReportAsync("")).GetProperty("month").GetString());
        }
        finally
        {
            _factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        }
    }

    [Theory]
    [InlineData("?month=2026-13", "month")]
    [InlineData("?month=2026-1", "month")]
    [InlineData("?month=November", "month")]
    [InlineData("?month=1999-12", "month")]
    public async Task Bad_months_are_a_problem_naming_the_parameter(string query, string field)
    {
        await Problems.AssertNamesFieldAsync(await SendAsync("/api/reports/visits.csv" + query), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_overlong_district_is_a_problem_and_an_unknown_one_a_404()
    {
        await Problems.AssertNamesFieldAsync(
            await SendAsync("/api/reports/visits?district=" + new string('区', 101)), HttpStatusCode.BadRequest, "district");
        var unknown = await SendAsync("/api/reports/visits.xlsx?district=" + Uri.EscapeDataString("不存在区"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/reports/visits")]
    [InlineData("/api/reports/visits.csv")]
    [InlineData("/api/reports/visits.xlsx")]
    public async Task Reports_are_for_operators(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync(path)).StatusCode);
        var planner = await _factory.Services.GetRequiredService<OperatorKeys>().CreateAsync($"planner-{Guid.NewGuid():N}", "planner", CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", planner);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(request)).StatusCode);
    }

    /// <summary>The month's visits counted over the raw rows in SQL of the test's own: distinct (station, day, device), plus the folded days.</summary>
    private async Task<int> RawCountAsync(string? district)
    {
        await using var command = Database.DataSources.Read.CreateCommand("""
            SELECT (SELECT count(*) FROM (SELECT DISTINCT c.station_id, c.day, c.device_key FROM checkin c JOIN station s ON s.id = c.station_id
                    WHERE c.kind = 'visited' AND c.weight = 1 AND c.day >= '2026-11-01' AND c.day < '2026-12-01'
                      AND (@district::text IS NULL OR s.district = @district)) AS distinct_visits)
                 + (SELECT coalesce(sum(v.visits), 0) FROM visit_daily v JOIN station s ON s.id = v.station_id
                    WHERE v.day >= '2026-11-01' AND v.day < '2026-12-01' AND (@district::text IS NULL OR s.district = @district))
            """);
        command.Parameters.Add(new NpgsqlParameter("district", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)district ?? DBNull.Value });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<int> LiveStationsAsync(string? district)
    {
        await using var command = Database.DataSources.Read.CreateCommand(
            "SELECT count(*)::int FROM station WHERE retired_at IS NULL AND (@district::text IS NULL OR district = @district)");
        command.Parameters.Add(new NpgsqlParameter("district", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)district ?? DBNull.Value });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private async Task<HttpResponseMessage> SendAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        return await _client.SendAsync(request);
    }

    private async Task<JsonElement> ReportAsync(string query)
    {
        var response = await SendAsync("/api/reports/visits" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The table the files should hold, built from the JSON: a row per station, per district, and the total.</summary>
    private static List<string[]> Table(JsonElement report)
    {
        var days = report.GetProperty("days").GetArrayLength();
        var header = new[] { "行", "站点编号", "站点名称", "所在区", "类型", "到访人次" }
            .Concat(Enumerable.Range(0, days).Select(i => November.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var table = new List<string[]> { header.ToArray() };
        string[] Numbers(JsonElement row) =>
            [row.GetProperty("visits").GetInt32().ToString(CultureInfo.InvariantCulture),
             .. row.GetProperty("days").EnumerateArray().Select(d => d.GetInt32().ToString(CultureInfo.InvariantCulture))];
        var kinds = new Dictionary<string, string> { ["warm_station"] = "暖心驿站", ["workers_home"] = "职工之家", ["checkpoint_rest_stop"] = "检查站休息点" };
        foreach (var s in report.GetProperty("stationTotals").EnumerateArray())
        {
            table.Add(["站点", s.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), s.GetProperty("name").GetString()!,
                s.GetProperty("district").GetString() ?? "", kinds[s.GetProperty("kind").GetString()!], .. Numbers(s)]);
        }
        foreach (var d in report.GetProperty("districtTotals").EnumerateArray())
        {
            table.Add(["区合计", "", $"共 {d.GetProperty("stations").GetInt32()} 个站点", d.GetProperty("district").GetString() ?? "（未填写）", "", .. Numbers(d)]);
        }
        table.Add(["总计", "", $"共 {report.GetProperty("stations").GetInt32()} 个站点", report.GetProperty("district").GetString() ?? "", "", .. Numbers(report)]);
        return table;
    }

    // The demo data's names hold no quotes, commas or line breaks, so a split is a faithful reading here.
    private static List<string[]> ReadCsv(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];

    private static List<string[]> ReadWithMiniExcel(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        Assert.Equal([VisitSheet], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        return [.. rows.Select(row => row.Values.Select(Cell).ToArray())];
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double number => number.ToString("0.################", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// GDAL's XLSX driver, through ogrinfo: what QGIS and ogr2ogr would read from the file, laid out in the columns of
    /// <paramref name="header"/> (ogrinfo lists a feature's fields by name, and leaves an empty cell out).
    /// </summary>
    private async Task<List<string[]>> ReadWithGdalAsync(byte[] xlsx, string[] header)
    {
        var path = Path.Combine(Path.GetTempPath(), $"visits-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, xlsx);
        try
        {
            // GDAL 3.6 (Debian 12) takes these as configuration, not open options. Its header detection does not count
            // MiniExcel's text cells (t="str") as text, so the header is named: Excel and LibreOffice need no telling.
            var listing = await Tiles.Ogrinfo.ReadAsync(path, new Dictionary<string, string>
            {
                ["OGR_XLSX_HEADERS"] = "FORCE",
                ["OGR_XLSX_FIELD_TYPES"] = "STRING",
            });
            Assert.Equal(listing.Features.Count, Assert.Single(listing.FeatureCounts, c => c.Key == VisitSheet).Value);
            Assert.All(listing.Features, f => Assert.Empty(f.Fields.Keys.Except(header)));
            output.WriteLine($"ogrinfo read {listing.Features.Count} rows");
            return [header, .. listing.Features.Select(f => header.Select(h => f.Fields.TryGetValue(h, out var v) && v != "(null)" ? v : "").ToArray())];
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The class's database: the demo data and a month of check-ins at stations of three districts, made once.</summary>
    public sealed class Month : IAsyncLifetime
    {
        private const int Seed = 20261118;

        public DemoDatabase Database { get; } = new();

        public IReadOnlyList<(long Id, string District)> Stations { get; private set; } = [];

        /// <summary>The visits each (station, day) of November should show, counted in C# from the rows written.</summary>
        public Dictionary<(long Station, DateOnly Day), int> Expected { get; private set; } = [];

        public string Seeded { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Database.InitializeAsync();
            Stations = await StationsAsync(Database.DataSources.Read, perDistrict: 4, districts: 3);
            Expected = await SeedAsync();
        }

        public Task DisposeAsync() => Database.DisposeAsync();

        /// <summary>
        /// Random check-ins in November (and just outside it) at the chosen stations, and folded days; answers the visits
        /// each (station, day) of November should show, counted here in C#.
        /// </summary>
        private async Task<Dictionary<(long, DateOnly), int>> SeedAsync()
        {
            var random = new Random(Seed);
            var devices = Enumerable.Range(0, 40).Select(_ => NewDevice()).ToArray();
            string[] kinds = ["visited", "visited", "visited", "visited", "open_confirmed", "closed_now", "crowded", "amenity_missing"];
            var rows = new Dictionary<(long, string, string, long), Row>();
            for (var i = 0; i < 3000; i++)
            {
                var (station, _) = Stations[random.Next(Stations.Count)];
                // Days 6-30: the first five are folded below. Plus the evening before the month and the morning after it.
                var at = random.Next(50) switch
                {
                    0 => At(November.AddDays(-1), 23, random.Next(60)),
                    1 => At(November.AddMonths(1), 0, random.Next(60)),
                    _ => At(November.AddDays(5 + random.Next(25)), random.Next(24), random.Next(60)),
                };
                var row = new Row(station, devices[random.Next(devices.Length)], at, kinds[random.Next(kinds.Length)], (short)(random.Next(6) == 0 ? 0 : 1));
                rows.TryAdd((row.StationId, Convert.ToHexString(row.Device), row.Kind, row.HourSlot), row);
            }
            await InsertAsync(Database.DataSources.Write, rows.Values);
            var expected = rows.Values
                .Where(r => r is { Kind: "visited", Weight: 1 } && r.Day.Month == 11)
                .GroupBy(r => (r.StationId, r.Day))
                .ToDictionary(g => g.Key, g => g.Select(r => Convert.ToHexString(r.Device)).Distinct().Count());
            foreach (var (station, _) in Stations.Where((_, i) => i % 2 == 0))
            {
                for (var day = 0; day < 5; day++)
                {
                    var visits = random.Next(1, 60);
                    await FoldAsync(Database.DataSources.Write, station, November.AddDays(day), visits);
                    expected[(station, November.AddDays(day))] = visits;
                }
            }
            // Outside the month: never counted.
            await FoldAsync(Database.DataSources.Write, Stations[1].Id, November.AddDays(-1), 99);
            Seeded = $"seed {Seed}: {rows.Count} check-ins, {expected.Values.Sum()} visits expected in November";
            return expected;
        }
    }
}
