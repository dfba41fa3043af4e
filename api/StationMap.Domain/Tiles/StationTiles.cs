using System.Numerics;
using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;

namespace StationMap.Domain.Tiles;

/// <summary>
/// The stations of a <see cref="StationIndex"/> on the Web Mercator tile grid, built once with the index (once per data
/// version) and immutable like it: any tile, with any filter, is answered from memory. Up to
/// <see cref="ClusterMaxZoom"/> a tile holds one cluster per occupied cell of an 8 × 8 grid over it (a cell holding
/// one passing station gives that station instead); from <see cref="StationsFromZoom"/> on it holds every station.
/// </summary>
/// <remarks>
/// <para>Stations are sorted by the Morton key of their world point (<see cref="TileGrid"/>), so the stations of any tile,
/// and of any cell of a tile, are one contiguous run found by binary search, and a station lies in exactly one tile
/// and one cell at every zoom: summed over the tiles of a zoom, the counts are every passing station once.</para>
/// <para>Cells holding at least <see cref="SummaryMinStations"/> stations keep a summary (count, coordinate sums and the
/// first station, per kind; the OR and the AND of the trait masks), so a tile at low zoom costs one summary per cell
/// instead of a walk over its stations when the filter is by kind only, or when every or no station of the cell can
/// pass. Otherwise the cell's stations are tested one by one. Summaries take at most one entry per 256 stations per
/// zoom: a few MB at 1,000,000 stations.</para>
/// </remarks>
public sealed class StationTiles
{
    /// <summary>A tile is cut into 2^<see cref="CellBits"/> × 2^<see cref="CellBits"/> cells (64 px at 512-px tiles).</summary>
    public const int CellBits = 3;

    /// <summary>The deepest zoom whose tiles hold clusters.</summary>
    public const int ClusterMaxZoom = 13;

    /// <summary>From this zoom on a tile holds every station itself (z14: a tile ~2.4 km wide, 0.6 m per tile unit).</summary>
    public const int StationsFromZoom = ClusterMaxZoom + 1;

    /// <summary>Cells with at least this many stations are summarised.</summary>
    public const int SummaryMinStations = 256;

    private const int KindCount = 3;

    private readonly StationIndex _index;
    private readonly ulong[] _keys;
    private readonly int[] _positions;
    private readonly long[] _traits;
    private readonly uint[] _xs;
    private readonly uint[] _ys;
    private readonly int[] _hoursOf;
    private readonly double[] _maxVehicleLengths;
    private readonly Level[] _levels;

    private StationTiles(
        StationIndex index, ulong[] keys, int[] positions, long[] traits, uint[] xs, uint[] ys, int[] hoursOf, double[] maxVehicleLengths,
        Level[] levels, (double West, double South, double East, double North)? bounds)
    {
        _index = index;
        _keys = keys;
        _positions = positions;
        _traits = traits;
        _xs = xs;
        _ys = ys;
        _hoursOf = hoursOf;
        _maxVehicleLengths = maxVehicleLengths;
        _levels = levels;
        Bounds = bounds;
    }

    /// <summary>The index the tiles are of.</summary>
    public StationIndex Index => _index;

    /// <summary>The smallest box around every station in degrees; null when there are none.</summary>
    public (double West, double South, double East, double North)? Bounds { get; }

    /// <summary>How many cell summaries were kept, over every zoom.</summary>
    public int SummaryCount => _levels.Sum(l => l.Prefixes.Length);

    /// <summary>Builds the tiles of <paramref name="index"/>; <see cref="StationIndex.Tiles"/> holds the ones built with it.</summary>
    /// <param name="gcj02">Tile the stations at their GCJ-02 positions (shifted up to ~600 m, across tile and cell edges).</param>
    public static StationTiles Build(StationIndex index, bool gcj02 = false)
    {
        var n = index.Count;
        var keys = new ulong[n];
        var positions = new int[n];
        double west = 180, south = 90, east = -180, north = -90;
        for (var p = 0; p < n; p++)
        {
            var (lat, lon) = (index.Lats[p], index.Lons[p]);
            if (gcj02)
            {
                (lat, lon) = ChinaCoordinates.Wgs84ToGcj02(new LatLon(lat, lon));
            }
            keys[p] = TileGrid.Morton(TileGrid.WorldX(lon), TileGrid.WorldY(lat));
            positions[p] = p;
            west = Math.Min(west, lon);
            east = Math.Max(east, lon);
            south = Math.Min(south, lat);
            north = Math.Max(north, lat);
        }
        Array.Sort(keys, positions);
        // Stations on one world point (one key) in position order, so every build of the same stations is the same.
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && keys[j] == keys[i])
            {
                j++;
            }
            if (j - i > 1)
            {
                Array.Sort(positions, i, j - i);
            }
            i = j;
        }
        // What the filters test and the world points, in key order: a filtered tile walks its stations' columns front to back.
        var traits = new long[n];
        var hoursOf = new int[n];
        var lengths = new double[n];
        var xs = new uint[n];
        var ys = new uint[n];
        for (var i = 0; i < n; i++)
        {
            var p = positions[i];
            traits[i] = index.TraitsAt(p);
            hoursOf[i] = index.HoursIndexAt(p);
            lengths[i] = index.MaxVehicleLengthAt(p);
            (xs[i], ys[i]) = (TileGrid.MortonX(keys[i]), TileGrid.MortonY(keys[i]));
        }
        var levels = new Level[ClusterMaxZoom + 1];
        for (var z = 0; z <= ClusterMaxZoom; z++)
        {
            levels[z] = Level.Build(keys, traits, xs, ys, CellShift(z));
        }
        return new StationTiles(index, keys, positions, traits, xs, ys, hoursOf, lengths, levels, n == 0 ? null : (west, south, east, north));
    }

    /// <summary>
    /// What <paramref name="tile"/> shows of the stations passing <paramref name="filter"/>, into <paramref name="content"/>
    /// (cleared first). Allocates nothing once <paramref name="content"/> has held a tile as large.
    /// </summary>
    public void Collect(TileId tile, in NearestFilter filter, TileContent content)
    {
        if (!tile.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(tile), tile, "no such tile");
        }
        content.Start(tile, filter.OpenNow ? _index.HoursCount : 0);
        var start = LowerBound(0, _keys.Length, TileGrid.FirstKey(tile));
        var end = UpperBound(start, _keys.Length, TileGrid.LastKey(tile));
        if (tile.Z >= StationsFromZoom)
        {
            for (var i = start; i < end; i++)
            {
                if (Passes(i, filter, content))
                {
                    content.AddStation(_positions[i], Local(i, tile));
                }
            }
            return;
        }
        var shift = CellShift(tile.Z);
        var level = _levels[tile.Z];
        var cellMask = (1UL << shift) - 1;
        while (start < end)
        {
            // The next occupied cell: the one holding the next station, to the last key it can hold.
            var prefix = _keys[start] >> shift;
            var cellEnd = UpperBound(start, end, prefix << shift | cellMask);
            var sum = default(CellSum);
            if (cellEnd - start >= SummaryMinStations && level.Find(prefix) is var s and >= 0
                && (filter.PassesAllWith(level.All[s]) || !filter.MayMatch(level.Any[s])))
            {
                if (filter.MayMatch(level.Any[s]))
                {
                    for (var k = 0; k < KindCount; k++)
                    {
                        if (filter.AllowsKind((StationKind)k))
                        {
                            sum.Add(k, level.Sums[s * KindCount + k]);
                        }
                    }
                }
            }
            else
            {
                Scan(start, cellEnd, filter, content, ref sum);
            }
            if (sum.Count == 1)
            {
                content.AddStation(_positions[sum.First], Local(sum.First, tile));
            }
            else if (sum.Count > 1)
            {
                content.AddCluster(new TileCluster(
                    Local(sum.SumX / (double)sum.Count, tile.X, tile.Z), Local(sum.SumY / (double)sum.Count, tile.Y, tile.Z),
                    sum.Count, sum.Kinds[0], sum.Kinds[1], sum.Kinds[2]));
            }
            start = cellEnd;
        }
    }

    // Bits of a Morton key below the prefix of a cell of a tile at zoom z.
    private static int CellShift(int z) => 2 * (TileGrid.WorldBits - z - CellBits);

    private static int KindOf(long traits) => BitOperations.TrailingZeroCount((ulong)traits >> 32);

    // Adds the stations of [start, end) passing the filter: the one loop a filtered low-zoom tile spends its time in,
    // so every column it reads is a span in key order and "open now" is one lookup per station.
    private void Scan(int start, int end, in NearestFilter filter, TileContent content, ref CellSum sum)
    {
        var n = end - start;
        var (required, kinds) = (filter.RequiredTraits, filter.KindTraits);
        var (checkLength, openNow, now) = (filter.HasVehicleLength, filter.OpenNow, filter.Now);
        var traits = _traits.AsSpan(start, n);
        var xs = _xs.AsSpan(start, n);
        var ys = _ys.AsSpan(start, n);
        var lengths = _maxVehicleLengths.AsSpan(start, n);
        var hours = _hoursOf.AsSpan(start, n);
        var open = content.OpenStates;
        for (var i = 0; i < traits.Length; i++)
        {
            var t = traits[i];
            if ((t & required) != required || (t & kinds) == 0 || (checkLength && !filter.MatchesLength(lengths[i])))
            {
                continue;
            }
            if (openNow)
            {
                var h = hours[i];
                if (h < 0)
                {
                    continue;
                }
                var state = open[h];
                if (state == 0)
                {
                    state = content.Evaluate(_index, h, now);
                }
                if (state < 0 || (state == TileContent.ByPlace && !_index.IsOpenAt(_positions[start + i], now)))
                {
                    continue;
                }
            }
            if (sum.Count == 0)
            {
                sum.First = start + i;
            }
            sum.Count++;
            sum.SumX += xs[i];
            sum.SumY += ys[i];
            sum.Kinds[KindOf(t)]++;
        }
    }

    private bool PassesColumns(int slot, in NearestFilter filter, TileContent content) =>
        filter.MatchesLength(_maxVehicleLengths[slot]) && (!filter.OpenNow || content.IsOpen(_index, _hoursOf[slot], _positions[slot], filter.Now));

    private bool Passes(int slot, in NearestFilter filter, TileContent content)
    {
        if (!filter.MatchesTraits(_traits[slot]))
        {
            return false;
        }
        if (!filter.NeedsColumns)
        {
            return true;
        }
        return PassesColumns(slot, filter, content);
    }

    // A station's point in tile units: its world point's bits below the tile's, scaled to the extent.
    private TilePoint Local(int slot, TileId tile)
    {
        var (x, y) = (_xs[slot], _ys[slot]);
        var below = TileGrid.WorldBits - tile.Z;
        var mask = below == TileGrid.WorldBits ? uint.MaxValue : (1u << below) - 1;
        var extentBits = BitOperations.Log2(VectorTileWriter.Extent);
        return below >= extentBits
            ? new TilePoint((int)((x & mask) >> (below - extentBits)), (int)((y & mask) >> (below - extentBits)))
            : new TilePoint((int)((x & mask) << (extentBits - below)), (int)((y & mask) << (extentBits - below)));
    }

    // A world coordinate (a cluster's mean) in tile units along one axis; the mean of points in a cell lies in it.
    private static int Local(double world, int tileIndex, int z)
    {
        var origin = (double)tileIndex * Math.Pow(2, TileGrid.WorldBits - z);
        var local = (world - origin) * Math.Pow(2, BitOperations.Log2(VectorTileWriter.Extent) + z - TileGrid.WorldBits);
        return Math.Clamp((int)Math.Floor(local), 0, VectorTileWriter.Extent - 1);
    }

    private int LowerBound(int start, int end, ulong key)
    {
        while (start < end)
        {
            var mid = (start + end) >>> 1;
            if (_keys[mid] < key)
            {
                start = mid + 1;
            }
            else
            {
                end = mid;
            }
        }
        return start;
    }

    private int UpperBound(int start, int end, ulong key)
    {
        while (start < end)
        {
            var mid = (start + end) >>> 1;
            if (_keys[mid] <= key)
            {
                start = mid + 1;
            }
            else
            {
                end = mid;
            }
        }
        return start;
    }

    /// <summary>A kind's share of a cell: how many, the sums of their world coordinates, the first in key order.</summary>
    internal struct KindSum
    {
        public int Count;
        public int First;
        public long SumX;
        public long SumY;
    }

    // What one cell adds up to for the request's filter.
    private struct CellSum
    {
        public int Count;
        public int First;
        public long SumX;
        public long SumY;
        public Kinds3 Kinds;

        public void Add(int kind, in KindSum sum)
        {
            if (sum.Count == 0)
            {
                return;
            }
            if (Count == 0 || sum.First < First)
            {
                First = sum.First;
            }
            Count += sum.Count;
            SumX += sum.SumX;
            SumY += sum.SumY;
            Kinds[kind] += sum.Count;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(KindCount)]
    private struct Kinds3
    {
        private int _count;
    }

    // The summaries of one zoom's cells: sorted cell prefixes and, per cell, the masks and the per-kind sums.
    private sealed class Level(ulong[] prefixes, long[] any, long[] all, KindSum[] sums)
    {
        public ulong[] Prefixes { get; } = prefixes;
        public long[] Any { get; } = any;
        public long[] All { get; } = all;
        public KindSum[] Sums { get; } = sums;

        public int Find(ulong prefix)
        {
            var i = Array.BinarySearch(Prefixes, prefix);
            return i >= 0 ? i : -1;
        }

        public static Level Build(ulong[] keys, long[] traits, uint[] xs, uint[] ys, int shift)
        {
            var prefixes = new List<ulong>();
            var any = new List<long>();
            var all = new List<long>();
            var sums = new List<KindSum>();
            var n = keys.Length;
            Span<KindSum> kinds = stackalloc KindSum[KindCount];
            for (var i = 0; i < n;)
            {
                var prefix = keys[i] >> shift;
                var j = i + 1;
                while (j < n && keys[j] >> shift == prefix)
                {
                    j++;
                }
                if (j - i >= SummaryMinStations)
                {
                    var (or, and) = (0L, -1L);
                    kinds.Clear();
                    for (var s = i; s < j; s++)
                    {
                        or |= traits[s];
                        and &= traits[s];
                        ref var sum = ref kinds[KindOf(traits[s])];
                        if (sum.Count++ == 0)
                        {
                            sum.First = s;
                        }
                        sum.SumX += xs[s];
                        sum.SumY += ys[s];
                    }
                    prefixes.Add(prefix);
                    any.Add(or);
                    all.Add(and);
                    foreach (var sum in kinds)
                    {
                        sums.Add(sum);
                    }
                }
                i = j;
            }
            return new Level([.. prefixes], [.. any], [.. all], [.. sums]);
        }
    }
}

/// <summary>A point in tile units, in [0, <see cref="VectorTileWriter.Extent"/>).</summary>
public readonly record struct TilePoint(int X, int Y);

/// <summary>A cluster of a tile: its stations' mean point in tile units, how many there are, and how many of each kind.</summary>
public readonly record struct TileCluster(int X, int Y, int Count, int WarmStations, int WorkersHomes, int CheckpointRestStops);

/// <summary>
/// What one tile shows: clusters and single stations (by position in the index), filled by
/// <see cref="StationTiles.Collect"/>. Reusable: one per thread serves every request it runs.
/// </summary>
public sealed class TileContent
{
    private readonly List<TileCluster> _clusters = [];
    private readonly List<(int Position, TilePoint Point)> _stations = [];
    private sbyte[] _open = [];

    public TileId Tile { get; private set; }

    public IReadOnlyList<TileCluster> Clusters => _clusters;

    /// <summary>The single stations: their position in the index and their point in tile units.</summary>
    public IReadOnlyList<(int Position, TilePoint Point)> Stations => _stations;

    internal void Start(TileId tile, int hoursCount)
    {
        Tile = tile;
        _clusters.Clear();
        _stations.Clear();
        if (hoursCount > 0)
        {
            if (_open.Length < hoursCount)
            {
                _open = new sbyte[Math.Max(hoursCount, _open.Length * 2)];
            }
            Array.Clear(_open, 0, hoursCount);
        }
    }

    internal void AddCluster(TileCluster cluster) => _clusters.Add(cluster);

    internal void AddStation(int position, TilePoint point) => _stations.Add((position, point));

    /// <summary>An <see cref="OpenStates"/> value: the hours have solar times, so each station's place decides.</summary>
    internal const sbyte ByPlace = 2;

    /// <summary>
    /// Per distinct opening hours: 0 not yet evaluated for this tile, 1 open, -1 closed or unknown, <see cref="ByPlace"/>
    /// to be evaluated per station.
    /// </summary>
    internal ReadOnlySpan<sbyte> OpenStates => _open;

    // "Open now" once per distinct opening hours and tile, not once per station: a few hundred texts serve millions.
    // Only texts with sunrise or sunset are evaluated at each station's place.
    internal bool IsOpen(StationIndex index, int hoursIndex, int position, DateTimeOffset now)
    {
        if (hoursIndex < 0)
        {
            return false;
        }
        var state = _open[hoursIndex];
        if (state == 0)
        {
            state = Evaluate(index, hoursIndex, now);
        }
        return state == ByPlace ? index.IsOpenAt(position, now) : state > 0;
    }

    internal sbyte Evaluate(StationIndex index, int hoursIndex, DateTimeOffset now) =>
        _open[hoursIndex] = index.HoursByIndex(hoursIndex) is not { } hours ? (sbyte)-1
            : hours.UsesSun ? ByPlace
            : hours.IsOpenAt(now) == true ? (sbyte)1 : (sbyte)-1;
}
