namespace StationMap.Domain.Search;

/// <summary>
/// What each gram's list holds, split at the first value that is not a name: how many station entries each part leads
/// to and the box of those stations. A query learns from these alone whether a part is small enough to list, and where
/// on the map its stations can be, without reading a list that may hold most of the values.
/// </summary>
internal sealed class GramStats
{
    private GramStats(int slots)
    {
        NameSplit = new int[slots];
        NameEntries = new int[slots];
        OtherEntries = new int[slots];
        NameBoxes = new NormalBox[slots];
        OtherBoxes = new NormalBox[slots];
    }

    /// <summary>Index into the postings where the gram's first non-name value is (or its list ends).</summary>
    public int[] NameSplit { get; }

    public int[] NameEntries { get; }

    public int[] OtherEntries { get; }

    public NormalBox[] NameBoxes { get; }

    public NormalBox[] OtherBoxes { get; }

    /// <param name="postings">The gram lists.</param>
    /// <param name="nameEnd">The first value that is not a name.</param>
    /// <param name="stationCount">How many stations a value has.</param>
    /// <param name="valueBoxes">Each value's box.</param>
    public static GramStats Of(GramPostings postings, int nameEnd, Func<int, int> stationCount, NormalBox[] valueBoxes)
    {
        var slots = postings.Start.Length - 1;
        var stats = new GramStats(slots);
        for (var slot = 0; slot < slots; slot++)
        {
            var (start, end) = (postings.Start[slot], postings.Start[slot + 1]);
            var split = start;
            var (nameBox, otherBox) = (NormalBox.Empty, NormalBox.Empty);
            var (nameEntries, otherEntries) = (0, 0);
            for (var i = start; i < end; i++)
            {
                var value = postings.Values[i];
                if (value < nameEnd)
                {
                    split = i + 1;
                    nameEntries += stationCount(value);
                    nameBox = nameBox.Union(valueBoxes[value]);
                }
                else
                {
                    otherEntries += stationCount(value);
                    otherBox = otherBox.Union(valueBoxes[value]);
                }
            }
            stats.NameSplit[slot] = split;
            (stats.NameEntries[slot], stats.OtherEntries[slot]) = (nameEntries, otherEntries);
            (stats.NameBoxes[slot], stats.OtherBoxes[slot]) = (nameBox, otherBox);
        }
        return stats;
    }
}
