namespace StationMap.Domain.Places;

/// <summary>A scored pair of records, by their positions in key order (<see cref="A"/> &lt; <see cref="B"/>).</summary>
internal readonly record struct ScoredPair(int A, int B, PairEvidence Evidence);

/// <summary>
/// Finds every pair of records of different sources within their radius of each other, by a grid of cells as wide as
/// the smallest radius (each record looks in the cells around each of its positions), and scores it. Pairs scoring
/// below <c>keepScore</c> are counted and dropped: almost every pair in a city is two neighbours.
/// </summary>
internal static class CandidatePairs
{
    private const double MetresPerDegreeLat = 111_132.954;
    private const double MetresPerDegreeLon = 111_319.491;

    public static (List<ScoredPair> Kept, long Candidates) Find(PreparedRecord[] records, MatchSettings settings, double keepScore)
    {
        var kept = new List<ScoredPair>();
        long candidates = 0;
        if (records.Length < 2)
        {
            return (kept, 0);
        }
        var cellM = Math.Min(settings.StationRadiusM, settings.RestStopRadiusM);
        var grid = new Grid(records, cellM);
        var chunk = Math.Max(1024, records.Length / (Environment.ProcessorCount * 8));
        var gate = new object();
        Parallel.For(0, (records.Length + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new Worker(records.Length), (c, _, worker) =>
        {
            var end = Math.Min(records.Length, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                var a = records[i];
                var span = (int)Math.Ceiling(a.RadiusM / cellM);
                worker.Near(grid, records, i, a.Record.Lat, a.Record.Lon, span, keepScore);
                if (a.HasAlt)
                {
                    worker.Near(grid, records, i, a.AltLat, a.AltLon, span, keepScore);
                }
            }
            return worker;
        }, worker =>
        {
            lock (gate)
            {
                kept.AddRange(worker.Kept);
                candidates += worker.Candidates;
            }
        });
        return (kept, candidates);
    }

    private sealed class Worker(int count)
    {
        // seen[j] == i + 1: pair (i, j) was looked at already (a record can be met through two positions and cells).
        private readonly int[] _seen = new int[count];

        public List<ScoredPair> Kept { get; } = [];

        public long Candidates { get; private set; }

        public void Near(Grid grid, PreparedRecord[] records, int i, double lat, double lon, int span, double keepScore)
        {
            var a = records[i];
            var (cy, cx) = grid.CellOf(lat, lon);
            for (var y = cy - span; y <= cy + span; y++)
            {
                for (var x = cx - span; x <= cx + span; x++)
                {
                    if (!grid.TryGet(y, x, out var start, out var length))
                    {
                        continue;
                    }
                    for (var e = start; e < start + length; e++)
                    {
                        var j = grid.Entries[e] >> 1;
                        if (j <= i || _seen[j] == i + 1)
                        {
                            continue;
                        }
                        _seen[j] = i + 1;
                        var b = records[j];
                        // A place holds one record per source: two records of one source are never candidates.
                        if (a.Source == b.Source)
                        {
                            continue;
                        }
                        var (metres, shifted) = PairScorer.Distance(a, b);
                        if (metres > Math.Min(a.RadiusM, b.RadiusM))
                        {
                            continue;
                        }
                        Candidates++;
                        var evidence = PairScorer.Score(a, b, metres, shifted);
                        if (evidence.Score >= keepScore)
                        {
                            Kept.Add(new ScoredPair(i, j, evidence));
                        }
                    }
                }
            }
        }
    }

    /// <summary>Every position of every record (its own, and its GCJ-02 reading when suspected) by grid cell.</summary>
    private sealed class Grid
    {
        private readonly double _cellLat;
        private readonly double _cellLon;
        private readonly Dictionary<long, (int Start, int Length)> _cells;

        /// <summary>Record index × 2, + 1 for the shifted reading; grouped by cell.</summary>
        public int[] Entries { get; }

        public Grid(PreparedRecord[] records, double cellM)
        {
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
            var entries = new int[count];
            var n = 0;
            for (var i = 0; i < records.Length; i++)
            {
                var r = records[i];
                keys[n] = Key(CellOf(r.Record.Lat, r.Record.Lon));
                entries[n++] = i << 1;
                if (r.HasAlt)
                {
                    keys[n] = Key(CellOf(r.AltLat, r.AltLon));
                    entries[n++] = (i << 1) | 1;
                }
            }
            Array.Sort(keys, entries);
            Entries = entries;
            _cells = new Dictionary<long, (int, int)>();
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && keys[end] == keys[start])
                {
                    end++;
                }
                _cells[keys[start]] = (start, end - start);
                start = end;
            }
        }

        public (int Y, int X) CellOf(double lat, double lon) => ((int)Math.Floor(lat / _cellLat), (int)Math.Floor(lon / _cellLon));

        public bool TryGet(int y, int x, out int start, out int length)
        {
            var found = _cells.TryGetValue(Key((y, x)), out var cell);
            (start, length) = cell;
            return found;
        }

        private static long Key((int Y, int X) cell) => ((long)cell.Y << 32) | (uint)cell.X;
    }
}
