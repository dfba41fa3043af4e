namespace StationMap.Domain.Places;

/// <summary>
/// Every position of every record (its own, and its GCJ-02 reading when its source is suspected) in cells of a
/// latitude/longitude grid at least <c>cellM</c> wide everywhere, sorted by cell with what the scan tests inline, so
/// that looking around a record reads a few contiguous runs of memory.
/// </summary>
internal sealed class CandidateGrid
{
    private const double MetresPerDegreeLat = 111_132.954;
    private const double MetresPerDegreeLon = 111_319.491;

    private readonly double _cellLat;
    private readonly double _cellLon;
    private readonly double _cellM;
    private readonly Dictionary<long, (int Start, int End)> _cells;

    public CandidateGrid(PreparedRecord[] records, double cellM)
    {
        _cellM = cellM;
        var maxAbsLat = 0.0;
        var count = 0;
        foreach (var r in records)
        {
            maxAbsLat = Math.Max(maxAbsLat, Math.Abs(r.Record.Lat));
            count += r.HasAlt ? 2 : 1;
        }
        _cellLat = cellM / MetresPerDegreeLat;
        // Cells are at least cellM wide everywhere: their width in degrees is taken where a degree is shortest.
        _cellLon = cellM / (MetresPerDegreeLon * Math.Cos(Math.Min(maxAbsLat + 1, 85) * Math.PI / 180));
        var keys = new long[count];
        var entries = new GridEntry[count];
        var n = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            entries[n] = new GridEntry(i, r.Source, r.NameKey, r.Record.Lat, r.Record.Lon, CosLat(r.Record.Lat), Shifted: false);
            keys[n++] = Key(CellOf(r.Record.Lat, r.Record.Lon));
            if (r.HasAlt)
            {
                entries[n] = new GridEntry(i, r.Source, r.NameKey, r.AltLat, r.AltLon, CosLat(r.AltLat), Shifted: true);
                keys[n++] = Key(CellOf(r.AltLat, r.AltLon));
            }
        }
        Array.Sort(keys, entries);
        Entries = entries;
        _cells = [];
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }
            _cells[keys[start]] = (start, end);
            start = end;
        }
    }

    public GridEntry[] Entries { get; }

    /// <summary>The runs of entries in the cells that may hold a position within <paramref name="radiusM"/> of <paramref name="at"/>.</summary>
    public IEnumerable<(int Start, int End)> CellsAround(GridEntry at, double radiusM)
    {
        var span = (int)Math.Ceiling(radiusM / _cellM);
        var (cy, cx) = CellOf(at.Lat, at.Lon);
        for (var y = cy - span; y <= cy + span; y++)
        {
            for (var x = cx - span; x <= cx + span; x++)
            {
                if (_cells.TryGetValue(Key((y, x)), out var cell))
                {
                    yield return cell;
                }
            }
        }
    }

    /// <summary>A cheap test that discards most entries before the exact distance: farther than the radius north-south or east-west.</summary>
    public static bool MayBeWithin(in GridEntry a, in GridEntry b, double radiusM)
    {
        if (Math.Abs(a.Lat - b.Lat) * MetresPerDegreeLat > radiusM)
        {
            return false;
        }
        return Math.Abs(a.Lon - b.Lon) * MetresPerDegreeLon * Math.Min(a.CosLat, b.CosLat) <= radiusM * 1.01;
    }

    /// <summary>Marks the entry's record when another record of its source with the same name is within its radius.</summary>
    public void MarkSharedNames(PreparedRecord[] records, int entry)
    {
        ref readonly var at = ref Entries[entry];
        var record = records[at.Record];
        if (record.SharesName)
        {
            return;
        }
        foreach (var (start, end) in CellsAround(at, record.RadiusM))
        {
            for (var e = start; e < end; e++)
            {
                ref readonly var other = ref Entries[e];
                if (other.Record != at.Record && other.Source == at.Source && other.NameKey == at.NameKey
                    && MayBeWithin(at, other, record.RadiusM)
                    && records[other.Record].Name.Core == record.Name.Core && records[other.Record].Name.Brand == record.Name.Brand
                    && PairScorer.Distance(record, records[other.Record]).Metres <= record.RadiusM)
                {
                    // Several threads may set it: the same value, whoever writes last.
                    record.SharesName = true;
                    return;
                }
            }
        }
    }

    private (int Y, int X) CellOf(double lat, double lon) => ((int)Math.Floor(lat / _cellLat), (int)Math.Floor(lon / _cellLon));

    private static long Key((int Y, int X) cell) => ((long)cell.Y << 32) | (uint)cell.X;

    private static double CosLat(double lat) => Math.Cos(lat * Math.PI / 180);
}

/// <summary>One position of one record in the grid, with what the scan tests before it looks at the record itself.</summary>
/// <param name="Shifted">The record's GCJ-02 reading, not its stored position.</param>
internal readonly record struct GridEntry(int Record, int Source, int NameKey, double Lat, double Lon, double CosLat, bool Shifted)
{
    /// <summary>The entry of a record's other reading.</summary>
    public GridEntry At(double lat, double lon) => this with { Lat = lat, Lon = lon, CosLat = Math.Cos(lat * Math.PI / 180), Shifted = true };
}
