namespace StationMap.Domain.Places;

/// <summary>A scored pair of records, by their positions in key order (<see cref="A"/> &lt; <see cref="B"/>).</summary>
internal readonly record struct ScoredPair(int A, int B, PairEvidence Evidence);

/// <summary>
/// Finds every pair of records of different sources within their radius of each other, by a grid of cells as wide as
/// the smallest radius (each record looks in the cells around each of its positions), and scores it. Pairs scoring
/// below <c>keepScore</c> are counted and dropped: almost every pair in a city is two neighbours. A first pass over
/// the same grid marks the records whose list has another record of the same name within their radius: for those a
/// name tells less (<see cref="PairScorer"/>).
/// </summary>
internal static class CandidatePairs
{
    public static (List<ScoredPair> Kept, long Candidates) Find(PreparedRecord[] records, MatchSettings settings, double keepScore)
    {
        var kept = new List<ScoredPair>();
        long candidates = 0;
        if (records.Length < 2)
        {
            return (kept, 0);
        }
        var grid = new CandidateGrid(records, Math.Min(settings.StationRadiusM, settings.RestStopRadiusM));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var chunk = Math.Max(256, grid.Entries.Length / (Environment.ProcessorCount * 16));
        var chunks = (grid.Entries.Length + chunk - 1) / chunk;

        // Entries are visited in cell order, so neighbouring records are near in memory; each pair is looked at from its
        // record of lower position only, so it is looked at once whatever the order of the visits.
        Parallel.For(0, chunks, parallel, c =>
        {
            for (var e = c * chunk; e < Math.Min(grid.Entries.Length, (c + 1) * chunk); e++)
            {
                grid.MarkSharedNames(records, e);
            }
        });

        var gate = new object();
        Parallel.For(0, chunks, parallel, () => new Worker(records.Length), (c, _, worker) =>
        {
            for (var e = c * chunk; e < Math.Min(grid.Entries.Length, (c + 1) * chunk); e++)
            {
                worker.Near(grid, records, e, keepScore);
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
        // seen[j] == i + 1: pair (i, j) was looked at already (a record can be met through two readings of each).
        private readonly int[] _seen = new int[count];

        public List<ScoredPair> Kept { get; } = [];

        public long Candidates { get; private set; }

        /// <summary>
        /// The pairs of the record at this entry, around both of its readings, when the entry is its stored position
        /// (its shifted reading's entry is skipped): one worker sees all of a record's pairs, so its marks find repeats.
        /// </summary>
        public void Near(CandidateGrid grid, PreparedRecord[] records, int entry, double keepScore)
        {
            ref readonly var at = ref grid.Entries[entry];
            if (at.Shifted)
            {
                return;
            }
            var a = records[at.Record];
            Around(grid, records, at, keepScore);
            if (a.HasAlt)
            {
                Around(grid, records, at.At(a.AltLat, a.AltLon), keepScore);
            }
        }

        private void Around(CandidateGrid grid, PreparedRecord[] records, GridEntry at, double keepScore)
        {
            var i = at.Record;
            var a = records[i];
            foreach (var (start, end) in grid.CellsAround(at, a.RadiusM))
            {
                for (var e = start; e < end; e++)
                {
                    ref readonly var other = ref grid.Entries[e];
                    var j = other.Record;
                    // A place holds one record per source: two records of one source are never candidates.
                    if (j <= i || other.Source == at.Source || !CandidateGrid.MayBeWithin(at, other, a.RadiusM) || _seen[j] == i + 1)
                    {
                        continue;
                    }
                    _seen[j] = i + 1;
                    var b = records[j];
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
