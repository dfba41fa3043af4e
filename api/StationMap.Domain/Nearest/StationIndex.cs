using StationMap.Domain.Geo;
using StationMap.Domain.Hours;
using StationMap.Domain.Search;
using StationMap.Domain.Tiles;

namespace StationMap.Domain.Nearest;

/// <summary>
/// Live stations in memory for exact k-nearest on the WGS-84 spheroid: the same stations, order (distance, then id)
/// and distances as the database's nearest query. Immutable once built, so any number of threads may search it
/// while a newer one is built beside it.
/// </summary>
/// <remarks>
/// A KD-tree (Bentley 1975) over the unit normals of the stations, with columns stored in tree order. A search is
/// best-first by squared chord (which orders points like the angle between their normals), filters stations as it
/// reaches them, measures each survivor exactly with <see cref="Geodesy"/>, and stops when every unvisited station is
/// provably farther on the spheroid than the k-th found (see <see cref="UnitSphere.ChordSquaredBound"/>).
/// </remarks>
public sealed partial class StationIndex
{
    internal const int LeafSize = 16;

    /// <summary>The truck parking column's null: the number of spaces is not known.</summary>
    internal const int NoTruckSpaces = -1;

    private readonly Node[] _nodes;
    private readonly Point3[] _points;
    private readonly long[] _traits;
    private readonly double[] _maxVehicleLengths;
    private readonly int[] _truckSpaces;
    private readonly int[] _hoursOf;
    private readonly string?[] _hoursTexts;
    private readonly OpeningHours?[] _hours;

    private StationIndex(
        long version, Node[] nodes, Point3[] points, long[] ids, double[] lats, double[] lons, long[] traits,
        double[] maxVehicleLengths, int[] truckSpaces, string[] names, string?[] addresses, string?[] districts, string?[] hosts,
        int[] hoursOf, string?[] hoursTexts, OpeningHours?[] hours)
    {
        Version = version;
        _nodes = nodes;
        _points = points;
        Ids = ids;
        Lats = lats;
        Lons = lons;
        _traits = traits;
        _maxVehicleLengths = maxVehicleLengths;
        _truckSpaces = truckSpaces;
        Names = names;
        Addresses = addresses;
        Districts = districts;
        Hosts = hosts;
        _hoursOf = hoursOf;
        _hoursTexts = hoursTexts;
        _hours = hours;
        Grid = new StationGrid(lats, lons);
        Tiles = StationTiles.Build(this);
        Search = StationSearchIndex.Build(this);
        // Built on the first GCJ-02 request only: most indexes never serve one.
        _gcj02Tiles = new Lazy<StationTiles>(() => StationTiles.Build(this, gcj02: true));
        // Built on the first lookup by id (a check-in): 12 bytes a station, which a reader-only process never spends.
        _byId = new Lazy<(long[], int[])>(() =>
        {
            var sorted = (long[])Ids.Clone();
            var positions = new int[sorted.Length];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = i;
            }
            Array.Sort(sorted, positions);
            return (sorted, positions);
        });
    }

    /// <summary>The store's data version the stations were read at.</summary>
    public long Version { get; }

    public int Count => Ids.Length;

    internal long[] Ids { get; }

    internal double[] Lats { get; }

    internal double[] Lons { get; }

    internal string[] Names { get; }

    internal string?[] Addresses { get; }

    internal string?[] Districts { get; }

    internal string?[] Hosts { get; }

    public IndexedStation this[int position] => new(this, position);

    /// <summary>The same stations by latitude/longitude cell, for boxes and corridors; positions are this index's.</summary>
    public StationGrid Grid { get; }

    /// <summary>The same stations by the words of their names, addresses, districts and hosts: what search answers from.</summary>
    public StationSearchIndex Search { get; }

    /// <summary>The same stations on the Web Mercator tile grid, with cluster counts per zoom: the vector tiles' source.</summary>
    public StationTiles Tiles { get; }

    private readonly Lazy<StationTiles> _gcj02Tiles;

    /// <summary>The same tiles with every station at its GCJ-02 position (Amap's datum), for a GCJ-02 basemap.</summary>
    public StationTiles Gcj02Tiles => _gcj02Tiles.Value;

    private readonly Lazy<(long[] Ids, int[] Positions)> _byId;

    /// <summary>The station with this id, when the index holds it (live stations only).</summary>
    public bool TryFind(long id, out IndexedStation station)
    {
        var (ids, positions) = _byId.Value;
        var at = Array.BinarySearch(ids, id);
        station = at >= 0 ? this[positions[at]] : default;
        return at >= 0;
    }

    /// <summary>Whether the station at <paramref name="position"/> passes <paramref name="filter"/> (its distance aside).</summary>
    public bool Passes(int position, in NearestFilter filter) =>
        filter.MatchesTraits(_traits[position]) && filter.Matches(HoursAt(position), _maxVehicleLengths[position], PlaceAt(position));

    /// <summary>
    /// The up to <c>hits.Length</c> stations nearest to (lat, lon) that pass <paramref name="filter"/>, nearest first,
    /// ties by id. Allocates nothing once the calling thread has run a search as large.
    /// </summary>
    /// <returns>How many hits were written: fewer than asked when fewer stations pass.</returns>
    public int Nearest(double lat, double lon, in NearestFilter filter, Span<NearestHit> hits)
    {
        if (hits.IsEmpty || Count == 0)
        {
            return 0;
        }
        var (x, y, z) = UnitSphere.From(lat, lon);
        var limit = filter.MaxDistanceM is { } max ? UnitSphere.ChordSquaredBound(max) : double.PositiveInfinity;
        var best = new RankedHits(hits.Length);
        var queue = new SearchQueue();
        queue.Push(_nodes[0].DistanceSquared(x, y, z), 0);
        var bound = limit;
        while (queue.TryPop(out var key, out var item))
        {
            if (key > bound)
            {
                break;
            }
            if (item < 0)
            {
                var p = ~item;
                if (!filter.Matches(HoursAt(p), _maxVehicleLengths[p], PlaceAt(p)) || filter.Excluded?.Invoke(Ids[p]) == true)
                {
                    continue;
                }
                var line = Geodesy.Inverse(lat, lon, Lats[p], Lons[p]);
                if (line.DistanceMeters > filter.MaxDistanceM)
                {
                    continue;
                }
                best.Offer(line, Ids[p], p);
                if (best.IsFull)
                {
                    bound = Math.Min(limit, UnitSphere.ChordSquaredBound(best.WorstDistance));
                }
                continue;
            }
            ref readonly var node = ref _nodes[item];
            if (!filter.MayMatch(node.AnyTraits))
            {
                continue;
            }
            if (node.Left < 0)
            {
                for (var p = node.Start; p < node.End; p++)
                {
                    if (!filter.MatchesTraits(_traits[p]))
                    {
                        continue;
                    }
                    var chord = _points[p].DistanceSquared(x, y, z);
                    if (chord <= bound)
                    {
                        queue.Push(chord, ~p);
                    }
                }
                continue;
            }
            var left = _nodes[node.Left].DistanceSquared(x, y, z);
            if (left <= bound)
            {
                queue.Push(left, node.Left);
            }
            var right = _nodes[node.Right].DistanceSquared(x, y, z);
            if (right <= bound)
            {
                queue.Push(right, node.Right);
            }
        }
        return best.CopySorted(hits);
    }

    internal StationKind KindAt(int position) =>
        (StationKind)System.Numerics.BitOperations.TrailingZeroCount((ulong)_traits[position] >> 32);

    internal Amenity AmenitiesAt(int position) => (Amenity)(_traits[position] & 0xFFFF_FFFF);

    internal long TraitsAt(int position) => _traits[position];

    internal double MaxVehicleLengthAt(int position) => _maxVehicleLengths[position];

    internal int? TruckSpacesAt(int position) => _truckSpaces[position] == NoTruckSpaces ? null : _truckSpaces[position];

    /// <summary>Which of the distinct opening hours the station has (-1: none); see <see cref="HoursByIndex"/>.</summary>
    internal int HoursIndexAt(int position) => _hoursOf[position];

    /// <summary>How many distinct opening hours texts the stations have.</summary>
    internal int HoursCount => _hours.Length;

    internal OpeningHours? HoursByIndex(int index) => _hours[index];

    internal string? HoursTextAt(int position) => _hoursOf[position] < 0 ? null : _hoursTexts[_hoursOf[position]];

    internal OpeningHours? HoursAt(int position) => _hoursOf[position] < 0 ? null : _hours[_hoursOf[position]];

    internal LatLon PlaceAt(int position) => new(Lats[position], Lons[position]);

    /// <summary>Whether the station at <paramref name="position"/> is known to be open at <paramref name="instant"/>.</summary>
    internal bool IsOpenAt(int position, DateTimeOffset instant) => HoursAt(position)?.IsOpenAt(instant, PlaceAt(position)) == true;

    /// <summary>Builds the tree over the builder's columns; used by <see cref="StationIndexBuilder.Build"/>.</summary>
    internal static StationIndex Create(
        long version, long[] ids, double[] lats, double[] lons, long[] traits, double[] maxVehicleLengths, int[] truckSpaces, string[] names,
        string?[] addresses, string?[] districts, string?[] hosts, int[] hoursOf, string?[] hoursTexts, OpeningHours?[] hours)
    {
        var n = ids.Length;
        var points = new Point3[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            var (x, y, z) = UnitSphere.From(lats[i], lons[i]);
            points[i] = new Point3(x, y, z);
            order[i] = i;
        }
        var nodes = new List<Node>(Math.Max(1, 4 * n / LeafSize));
        BuildNode(nodes, points, order, 0, n);

        var sortedTraits = Permute(traits, order);
        var nodeArray = nodes.ToArray();
        // Children come after their parent, so one backward pass ORs every subtree's masks.
        for (var i = nodeArray.Length - 1; i >= 0; i--)
        {
            ref var node = ref nodeArray[i];
            var any = 0L;
            if (node.Left < 0)
            {
                for (var p = node.Start; p < node.End; p++)
                {
                    any |= sortedTraits[p];
                }
            }
            else
            {
                any = nodeArray[node.Left].AnyTraits | nodeArray[node.Right].AnyTraits;
            }
            node.AnyTraits = any;
        }
        return new StationIndex(
            version, nodeArray, Permute(points, order), Permute(ids, order), Permute(lats, order), Permute(lons, order),
            sortedTraits, Permute(maxVehicleLengths, order), Permute(truckSpaces, order), Permute(names, order), Permute(addresses, order),
            Permute(districts, order), Permute(hosts, order), Permute(hoursOf, order), hoursTexts, hours);
    }

    private static int BuildNode(List<Node> nodes, Point3[] points, int[] order, int start, int end)
    {
        var min = new Point3(double.MaxValue, double.MaxValue, double.MaxValue);
        var max = new Point3(double.MinValue, double.MinValue, double.MinValue);
        for (var i = start; i < end; i++)
        {
            var p = points[order[i]];
            min = new Point3(Math.Min(min.X, p.X), Math.Min(min.Y, p.Y), Math.Min(min.Z, p.Z));
            max = new Point3(Math.Max(max.X, p.X), Math.Max(max.Y, p.Y), Math.Max(max.Z, p.Z));
        }
        var index = nodes.Count;
        nodes.Add(new Node { Min = min, Max = max, Start = start, End = end, Left = -1, Right = -1 });
        if (end - start <= LeafSize)
        {
            return index;
        }
        var (sx, sy, sz) = (max.X - min.X, max.Y - min.Y, max.Z - min.Z);
        var axis = sx >= sy && sx >= sz ? 0 : sy >= sz ? 1 : 2;
        var mid = (start + end) >>> 1;
        Select(points, order, start, end - 1, mid, axis);
        var left = BuildNode(nodes, points, order, start, mid);
        var right = BuildNode(nodes, points, order, mid, end);
        var node = nodes[index];
        node.Left = left;
        node.Right = right;
        nodes[index] = node;
        return index;
    }

    // Hoare's quickselect on order[left..right]: afterwards order[k] holds the point that sorting on the axis would
    // put there, with nothing greater before it and nothing smaller after it.
    private static void Select(Point3[] points, int[] order, int left, int right, int k, int axis)
    {
        while (left < right)
        {
            var pivot = points[order[(left + right) >>> 1]].At(axis);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (points[order[i]].At(axis) < pivot)
                {
                    i++;
                }
                while (points[order[j]].At(axis) > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (order[i], order[j]) = (order[j], order[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static T[] Permute<T>(T[] column, int[] order)
    {
        var sorted = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = column[order[i]];
        }
        return sorted;
    }

    private readonly record struct Point3(double X, double Y, double Z)
    {
        public double At(int axis) => axis switch { 0 => X, 1 => Y, _ => Z };

        public double DistanceSquared(double x, double y, double z)
        {
            var dx = X - x;
            var dy = Y - y;
            var dz = Z - z;
            return dx * dx + dy * dy + dz * dz;
        }
    }

    // A subtree: its bounding box in unit-vector space, its range of positions, its children (-1 for a leaf) and the
    // OR of its stations' trait masks.
    private struct Node
    {
        public Point3 Min;
        public Point3 Max;
        public int Start;
        public int End;
        public int Left;
        public int Right;
        public long AnyTraits;

        public readonly double DistanceSquared(double x, double y, double z)
        {
            var dx = Math.Max(0, Math.Max(Min.X - x, x - Max.X));
            var dy = Math.Max(0, Math.Max(Min.Y - y, y - Max.Y));
            var dz = Math.Max(0, Math.Max(Min.Z - z, z - Max.Z));
            return dx * dx + dy * dy + dz * dz;
        }
    }
}
