namespace StationMap.Domain.Places;

/// <summary>A live record of a place, as far as choosing its pin goes.</summary>
public readonly record struct PinCandidate(long Id, string Source, string ExternalId, DateTimeOffset UpdatedAt);

/// <summary>
/// Which record of a place readers show (its pin): the one of the source with the best priority (the lowest number;
/// a source without one counts <see cref="DefaultPriority"/>), then the freshest (the latest change), then the first
/// by key, so that the choice never depends on ids or the order of rows.
/// </summary>
public static class PlacePins
{
    public const int DefaultPriority = 100;

    /// <summary>The position in <paramref name="records"/> of the pin; -1 when there are none.</summary>
    public static int Best(IReadOnlyList<PinCandidate> records, IReadOnlyDictionary<string, int> priorities)
    {
        var best = -1;
        for (var i = 0; i < records.Count; i++)
        {
            if (best < 0 || Better(records[i], records[best], priorities))
            {
                best = i;
            }
        }
        return best;
    }

    private static bool Better(PinCandidate x, PinCandidate y, IReadOnlyDictionary<string, int> priorities)
    {
        var px = priorities.GetValueOrDefault(x.Source, DefaultPriority);
        var py = priorities.GetValueOrDefault(y.Source, DefaultPriority);
        if (px != py)
        {
            return px < py;
        }
        if (x.UpdatedAt != y.UpdatedAt)
        {
            return x.UpdatedAt > y.UpdatedAt;
        }
        var source = string.CompareOrdinal(x.Source, y.Source);
        return source != 0 ? source < 0 : string.CompareOrdinal(x.ExternalId, y.ExternalId) < 0;
    }
}
