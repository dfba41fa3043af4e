using System.Globalization;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Integration.Tests.Tiles;

namespace StationMap.Integration.Tests.Ogc;

/// <summary>
/// GDAL's OAPIF driver (Debian gdal-bin, what QGIS's GDAL layers use) against the API on a real socket: it lists the
/// collections, pages through every station, converts them to GeoPackage with their attributes, and gets nothing of the
/// planners' collections without their key.
/// </summary>
public sealed class OgcGdalTests(OgcSite site) : IClassFixture<OgcSite>
{
    private const int PageSize = 400;

    [Fact]
    public async Task Ogrinfo_lists_the_public_collections_and_with_a_planner_key_the_planners()
    {
        var anonymous = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", "-ro", "OAPIF:" + site.Root);
        Assert.Equal(["stations", "checkpoints"], Layers(anonymous));

        var planner = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", "-ro", "-oo", "USERPWD=gdal:" + site.PlannerKey, "OAPIF:" + site.Root);
        Assert.Equal(["stations", "checkpoints", "demand", "candidates"], Layers(planner));
    }

    [Fact]
    public async Task Gdal_reads_every_station_across_pages()
    {
        var live = await StationsAsync();
        var before = site.Requests.GetValueOrDefault("/ogc/collections/stations/items");

        var listing = await Ogrinfo.ReadAsync("OAPIF:" + site.Root, $"PAGE_SIZE={PageSize}");

        var stations = listing.Features.Where(f => f.Layer == "stations").ToList();
        Assert.Equal(live.Keys.Order(), stations.Select(f => f.Fid).Order());
        Assert.Equal(live.Count, listing.FeatureCounts["stations"]);
        // The driver read the layer's first page to learn it, then every page by the 'next' links.
        Assert.True(site.Requests["/ogc/collections/stations/items"] - before >= (live.Count + PageSize - 1) / PageSize,
            $"{site.Requests["/ogc/collections/stations/items"] - before} requests for {live.Count} stations");
        foreach (var feature in stations.Where((_, i) => i % 97 == 0))
        {
            AssertIsTheStation(live[feature.Fid], feature);
        }
    }

    [Fact]
    public async Task Ogr2ogr_converts_the_stations_to_a_geopackage_with_their_attributes()
    {
        var live = await StationsAsync();
        var file = Path.Combine(Path.GetTempPath(), $"ogc-stations-{Guid.NewGuid():N}.gpkg");
        try
        {
            await ExternalTool.RunAsync("ogr2ogr", "gdal-bin", "-f", "GPKG", file, "-oo", $"PAGE_SIZE={PageSize}", "OAPIF:" + site.Root, "stations");
            var listing = await Ogrinfo.ReadAsync(file);
            Assert.Equal(live.Count, listing.FeatureCounts["stations"]);
            Assert.Equal(live.Keys.Order(), listing.Features.Select(f => f.Fid).Order());
            foreach (var feature in listing.Features.Where((_, i) => i % 50 == 0))
            {
                AssertIsTheStation(live[feature.Fid], feature);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_planners_collections_refuse_gdal_without_the_key()
    {
        var collection = $"OAPIF:{site.Root}/collections/demand";
        var refused = await ExternalTool.RunToEndAsync("ogrinfo", "gdal-bin", "-ro", "-so", collection, "demand");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("401", refused.Error);

        var listed = await ExternalTool.RunAsync("ogrinfo", "gdal-bin", "-ro", "-so", "-oo", "USERPWD=gdal:" + site.PlannerKey, collection, "demand");
        await using var command = site.DataSources.Write.CreateCommand("SELECT count(*) FROM demand_point");
        Assert.Contains($"Feature Count: {(long)(await command.ExecuteScalarAsync())!}", listed);
    }

    private static List<string> Layers(string ogrinfo) =>
        [.. ogrinfo.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+: ")).Select(l => l.Split(' ')[1])];

    private static void AssertIsTheStation(Station expected, Ogrinfo.Feature original)
    {
        // ogrinfo leaves out a field the source did not set (an absent property) and prints a null one as "(null)".
        var feature = original with { Fields = new Dictionary<string, string>(original.Fields) };
        foreach (var name in new[] { "district", "address", "openingHours", "truckParkingSpaces", "maxVehicleLengthM" })
        {
            feature.Fields.TryAdd(name, "(null)");
        }
        Assert.Equal(expected.Name, feature.Fields["name"]);
        Assert.Equal(expected.Kind, feature.Fields["kind"]);
        Assert.Equal(expected.District ?? "(null)", feature.Fields["district"]);
        Assert.Equal(expected.Address ?? "(null)", feature.Fields["address"]);
        Assert.Equal(expected.OpeningHours ?? "(null)", feature.Fields["openingHours"]);
        Assert.Equal(expected.TruckParkingSpaces?.ToString(CultureInfo.InvariantCulture) ?? "(null)", feature.Fields["truckParkingSpaces"]);
        Assert.Equal(expected.MaxVehicleLengthM?.ToString(CultureInfo.InvariantCulture) ?? "(null)", feature.Fields["maxVehicleLengthM"]);
        Assert.Equal(expected.HazmatAllowed ? "1" : "0", feature.Fields["hazmatAllowed"]);
        // GDAL's text form of a string list: (count:item,item)
        var amenities = feature.Fields["amenities"] is var text && text.IndexOf(':') is var colon and > 0 ? text[(colon + 1)..^1] : "";
        Assert.Equal(expected.Amenities.Order(), amenities.Split(',', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal(expected.Lon, feature.X, 1e-6);
        Assert.Equal(expected.Lat, feature.Y, 1e-6);
    }

    private sealed record Station(
        string Name, string Kind, string? District, string? Address, string? OpeningHours, int? TruckParkingSpaces, double? MaxVehicleLengthM,
        bool HazmatAllowed, string[] Amenities, double Lat, double Lon);

    private async Task<Dictionary<long, Station>> StationsAsync()
    {
        await using var command = site.DataSources.Write.CreateCommand("""
            SELECT id, name, kind, district, address, opening_hours, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, amenities,
                   ST_Y(location), ST_X(location)
            FROM station WHERE retired_at IS NULL
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var stations = new Dictionary<long, Station>();
        while (await reader.ReadAsync())
        {
            stations[reader.GetInt64(0)] = new Station(
                reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.GetBoolean(8),
                reader.GetFieldValue<string[]>(9), reader.GetDouble(10), reader.GetDouble(11));
        }
        return stations;
    }

    private static string? Text(Npgsql.NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
