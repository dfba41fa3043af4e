using System.Collections.Concurrent;
using StationMap.Domain.Hours;

namespace StationMap.Api.Stations;

/// <summary>
/// Parsed opening hours by their text. Stations share a few hundred distinct texts, and parsing on every
/// nearest query would dominate its cost.
/// </summary>
public sealed class OpeningHoursCache
{
    // Bounded so that a source with millions of distinct texts cannot grow the process without limit.
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, OpeningHours?> _parsed = new(StringComparer.Ordinal);

    /// <summary>The parsed hours, or null when the text is missing or does not parse (hours then read as unknown).</summary>
    public OpeningHours? Get(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (_parsed.TryGetValue(text, out var hours))
        {
            return hours;
        }
        if (_parsed.Count >= MaxEntries)
        {
            _parsed.Clear();
        }
        OpeningHours.TryParse(text, out hours, out _);
        _parsed[text] = hours;
        return hours;
    }
}
