namespace StationMap.Domain.Search;

/// <summary>
/// For every character and character pair, the values holding it, ascending (for a name, in the whole name or in the
/// name without its generic suffixes).
/// </summary>
internal sealed record GramPostings(Dictionary<uint, int> Slots, int[] Start, int[] Values)
{
    public static GramPostings Of(ValueTable values)
    {
        // Pass 1: each value's distinct grams, and how many values hold each gram.
        var count = values.Texts.Count;
        var gramStart = new int[count + 1];
        var slotsOfValues = new List<int>(count * 24);
        var slots = new Dictionary<uint, int>();
        var sizes = new List<int>();
        var distinct = new HashSet<uint>();
        for (var v = 0; v < count; v++)
        {
            distinct.Clear();
            AddGrams(values.Texts[v], distinct);
            if (values.Cores[v] is { } core)
            {
                AddGrams(core, distinct);
            }
            foreach (var gram in distinct)
            {
                if (!slots.TryGetValue(gram, out var slot))
                {
                    slots[gram] = slot = sizes.Count;
                    sizes.Add(0);
                }
                sizes[slot]++;
                slotsOfValues.Add(slot);
            }
            gramStart[v + 1] = slotsOfValues.Count;
        }
        // Pass 2: the lists, filled in value order so each comes out sorted.
        var start = new int[sizes.Count + 1];
        for (var s = 0; s < sizes.Count; s++)
        {
            start[s + 1] = start[s] + sizes[s];
        }
        var next = (int[])start.Clone();
        var postings = new int[slotsOfValues.Count];
        for (var v = 0; v < count; v++)
        {
            for (var i = gramStart[v]; i < gramStart[v + 1]; i++)
            {
                postings[next[slotsOfValues[i]]++] = v;
            }
        }
        return new GramPostings(slots, start, postings);
    }

    private static void AddGrams(string text, HashSet<uint> grams)
    {
        for (var i = 0; i < text.Length; i++)
        {
            grams.Add(StationSearchIndex.Unigram(text[i]));
            if (i + 1 < text.Length)
            {
                grams.Add(StationSearchIndex.Bigram(text[i], text[i + 1]));
            }
        }
    }
}
