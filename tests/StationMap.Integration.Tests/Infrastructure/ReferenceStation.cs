using Npgsql;
using StationMap.Domain;
using StationMap.Domain.Geo;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>
/// A station as the brute-force reference sees it: read straight from the table, ranked in C# with our own geodesic,
/// so the API's index-assisted answer is checked against something that shares none of its SQL.
/// </summary>
public sealed record ReferenceStation(long Id, StationKind Kind, Amenity Amenities, string? OpeningHours, double Lat, double Lon, bool Retired)
{
    public static async Task<IReadOnlyList<ReferenceStation>> LoadAllAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, kind, amenities, opening_hours, ST_Y(location), ST_X(location), retired_at IS NOT NULL FROM station");
        await using var reader = await command.ExecuteReaderAsync();
        var all = new List<ReferenceStation>();
        while (await reader.ReadAsync())
        {
            StationKinds.TryParse(reader.GetString(1), out var kind);
            all.Add(new ReferenceStation(
                reader.GetInt64(0), kind, StationMap.Domain.Amenities.FromWire(reader.GetFieldValue<string[]>(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetBoolean(6)));
        }
        return all;
    }

    public bool IsOpenAt(DateTimeOffset instant) =>
        StationMap.Domain.Hours.OpeningHours.TryParse(OpeningHours, out var hours, out _) && hours.IsOpenAt(instant, new LatLon(Lat, Lon)) == true;

    /// <summary>The k nearest live stations passing <paramref name="filter"/>, by geodesic distance then id.</summary>
    public static List<(ReferenceStation Station, double DistanceM)> Rank(
        IEnumerable<ReferenceStation> all, double lat, double lon, int k, Func<ReferenceStation, bool> filter, double? maxDistanceM = null) =>
        all.Where(s => !s.Retired && filter(s))
            .Select(s => (Station: s, DistanceM: Geodesy.DistanceMeters(lat, lon, s.Lat, s.Lon)))
            .Where(x => maxDistanceM is null || x.DistanceM <= maxDistanceM)
            .OrderBy(x => x.DistanceM).ThenBy(x => x.Station.Id)
            .Take(k)
            .ToList();
}
