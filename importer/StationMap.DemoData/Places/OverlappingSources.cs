using System.Globalization;
using StationMap.Domain;
using StationMap.Domain.Geo;

namespace StationMap.DemoData.Places;

/// <summary>
/// Generated stations as three lists would have them, with the truth kept: the district union's list
/// (<see cref="Union"/>: the union's names, positions within 15 m), the host companies' lists of their branches that
/// host stations (<see cref="Hosts"/>: banks and petrol companies only, short company names, addresses and phones
/// written their way, and a third of the positions GCJ-02 exports labelled WGS-84, ~500 m off), and OpenStreetMap
/// (<see cref="Osm"/>: outlets' own names, positions within 40 m, few addresses or phones). Some stations get a
/// different station of the same company 80-250 m away (two branches of one bank), the cases a distance-only
/// duplicate check gets wrong. The same arguments give the same records.
/// </summary>
public static class OverlappingSources
{
    public const string Union = "union";
    public const string Hosts = "hosts";
    public const string Osm = "osm";

    /// <summary>The three lists, in the order their files are written.</summary>
    public static IReadOnlyList<string> Sources { get; } = [Union, Hosts, Osm];

    /// <summary>The list whose positions may be GCJ-02 labelled WGS-84: the matcher is told so.</summary>
    public const string MaybeGcj02 = Hosts;

    /// <summary>Records of <paramref name="stations"/> generated stations (and their look-alike neighbours), station by station.</summary>
    public static IEnumerable<SourcedRecord> Generate(int stations, OverlapProfile profile, int seed, GeneratorRegion region)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stations);
        var places = region switch
        {
            GeneratorRegion.Beijing => BeijingDistricts.All,
            GeneratorRegion.Jingjinji => JingjinjiPlaces.All,
            _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown region."),
        };
        return Stream(stations, profile, seed, new WeightedTable<Place>(places.Select(p => (p, p.Weight)).ToArray()));
    }

    private static IEnumerable<SourcedRecord> Stream(int stations, OverlapProfile profile, int seed, WeightedTable<Place> places)
    {
        var random = new Random(seed);
        var numbers = new Counters();
        for (var i = 1; i <= stations; i++)
        {
            var place = places.Pick(random);
            var (lat, lon) = PointSampler.Around(random, place);
            var truth = StationSynthesizer.Create(random, "s" + i.ToString("D7", CultureInfo.InvariantCulture), place, lat, lon);
            foreach (var record in Listed(random, truth, place, profile, numbers))
            {
                yield return record;
            }
            if (random.Next(100) < profile.NeighbourPercent)
            {
                var (nearLat, nearLon) = PointSampler.Near(random, lat, lon, 80, 250);
                var neighbour = truth with
                {
                    ExternalId = truth.ExternalId + "n",
                    Name = SourceVariants.Neighbour(random, truth.Name, AreaOf(truth.Name, place), place.Neighbourhoods),
                    Lat = nearLat,
                    Lon = nearLon,
                    Address = SourceVariants.OtherNumber(random, truth.Address),
                    Phone = StationSynthesizer.Phone(random, place),
                };
                foreach (var record in Listed(random, neighbour, place, profile, numbers))
                {
                    yield return record;
                }
            }
        }
    }

    private static IEnumerable<SourcedRecord> Listed(Random random, StationRecord truth, Place place, OverlapProfile profile, Counters numbers)
    {
        var companyListed = truth.Host is "bank_branch" or "petrol_station";
        var (union, hosts, osm) = random.Next(100) < profile.SharedPercent
            ? companyListed
                ? random.Next(100) switch { < 35 => (true, true, false), < 60 => (true, false, true), < 75 => (false, true, true), _ => (true, true, true) }
                : (true, false, true)
            : companyListed
                ? random.Next(100) switch { < 55 => (true, false, false), < 80 => (false, true, false), _ => (false, false, true) }
                : random.Next(100) < 70 ? (true, false, false) : (false, false, true);
        var area = AreaOf(truth.Name, place);
        if (union)
        {
            var (lat, lon) = PointSampler.Near(random, truth.Lat, truth.Lon, 0, 15);
            yield return new SourcedRecord(Union, truth with { ExternalId = "U" + numbers.Next(0), Lat = lat, Lon = lon }, truth.ExternalId, false);
        }
        if (hosts)
        {
            var name = SourceVariants.HostListName(random, truth.Name, place.BranchCity);
            var mislabelled = random.Next(100) < 35;
            var at = mislabelled ? ChinaCoordinates.Wgs84ToGcj02(truth.Place) : truth.Place;
            var (lat, lon) = PointSampler.Near(random, at.Lat, at.Lon, 0, mislabelled ? 15 : 25);
            yield return new SourcedRecord(Hosts, truth with
            {
                ExternalId = "H-" + numbers.Next(1),
                Name = random.Next(100) < 3 ? SourceVariants.Garbled(random, name, area) : name,
                Lat = lat,
                Lon = lon,
                Address = random.Next(10) == 0 ? null : SourceVariants.Address(random, truth.Address, place.AddressPrefix),
                Phone = SourceVariants.HostListPhone(random, truth.Phone, truth.Name),
            }, truth.ExternalId, mislabelled);
        }
        if (osm)
        {
            var name = SourceVariants.OsmName(random, truth.Name, place.BranchCity);
            var (lat, lon) = PointSampler.Near(random, truth.Lat, truth.Lon, 0, 40);
            var otherKind = truth.Kind == StationKind.WarmStation ? StationKind.WorkersHome : StationKind.WarmStation;
            yield return new SourcedRecord(Osm, truth with
            {
                ExternalId = "node/" + (10_000_000 + 7 * numbers.Next(2)).ToString(CultureInfo.InvariantCulture),
                Name = random.Next(100) < 3 ? SourceVariants.Garbled(random, name, area) : name,
                Kind = random.Next(100) < 2 ? otherKind : truth.Kind,
                Lat = lat,
                Lon = lon,
                Address = random.Next(10) < 4 ? SourceVariants.Address(random, truth.Address, place.AddressPrefix) : null,
                Phone = random.Next(10) < 3 ? truth.Phone : null,
                Host = random.Next(10) < 2 ? truth.Host : null,
            }, truth.ExternalId, false);
        }
    }

    // The neighbourhood the station is named after: the longest of the place's that its name contains.
    private static string AreaOf(string name, Place place) =>
        place.Neighbourhoods.Where(n => name.Contains(n, StringComparison.Ordinal)).OrderByDescending(n => n.Length).FirstOrDefault() ?? "";

    private sealed class Counters
    {
        private readonly int[] _next = new int[3];

        public int Next(int source) => ++_next[source];
    }
}
