using StationMap.Domain.Geo;

namespace StationMap.Domain.Places;

/// <summary>A record with everything the scorer compares worked out once: folded name and address, phone key, positions.</summary>
internal sealed class PreparedRecord
{
    public required PlaceRecord Record { get; init; }

    /// <summary>"source\u0001external id": the order every tie-break uses.</summary>
    public required string Key { get; init; }

    public required int Source { get; init; }

    public required int Host { get; init; }

    public required PlaceName Name { get; init; }

    /// <summary>A hash of the name's brand and core: records whose keys differ do not have the same name.</summary>
    public required int NameKey { get; init; }

    /// <summary>Another record of the same source with the same name is within this one's radius: the name does not single it out.</summary>
    public bool SharesName { get; set; }

    public required PlaceAddress? Address { get; init; }

    public required long Phone { get; init; }

    public required double RadiusM { get; init; }

    /// <summary>Where the record would be if its WGS-84 label hides a GCJ-02 position; NaN when its source is trusted.</summary>
    public required double AltLat { get; init; }

    public required double AltLon { get; init; }

    public bool HasAlt => !double.IsNaN(AltLat);

    public static PreparedRecord[] All(IReadOnlyList<PlaceRecord> records, MatchSettings settings, PlaceNameRules rules)
    {
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        var hosts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            sources.TryAdd(record.Source, sources.Count);
            if (!string.IsNullOrWhiteSpace(record.Host))
            {
                hosts.TryAdd(record.Host.Trim().ToLowerInvariant(), hosts.Count);
            }
        }
        var prepared = new PreparedRecord[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var record = records[i];
            var alt = settings.MaybeGcj02Sources.Contains(record.Source)
                ? ChinaCoordinates.Gcj02ToWgs84(new LatLon(record.Lat, record.Lon))
                : new LatLon(double.NaN, double.NaN);
            var name = PlaceName.Of(record.Name, rules);
            prepared[i] = new PreparedRecord
            {
                Record = record,
                Key = record.Source + "\u0001" + record.ExternalId,
                Source = sources[record.Source],
                Host = string.IsNullOrWhiteSpace(record.Host) ? -1 : hosts[record.Host.Trim().ToLowerInvariant()],
                Name = name,
                NameKey = NameKeyOf(name),
                Address = PlaceAddress.Of(record.Address),
                Phone = PlacePhone.KeyOf(record.Phone),
                RadiusM = settings.RadiusM(record.Kind),
                AltLat = alt.Lat,
                AltLon = alt.Lon,
            };
        });
        // Key order, whatever the input order: everything after this is a function of the records' content.
        Array.Sort(prepared, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return prepared;
    }

    // FNV-1a over the brand and the core: the same on every run (string hash codes are randomised per process).
    private static int NameKeyOf(PlaceName name)
    {
        var hash = 2166136261u;
        hash = (hash ^ (uint)name.Brand) * 16777619u;
        foreach (var c in name.Core)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)hash;
    }
}
