namespace StationMap.Import.Reading;

/// <summary>
/// One input row before validation: its position in the file and the raw text of each <see cref="ImportField"/>.
/// Readers reuse one instance per file, so a row is only valid until the next one is read.
/// </summary>
public sealed class SourceRow
{
    private readonly string?[] _values = new string?[ImportFields.Count];

    /// <summary>The line number (CSV), feature index (GeoJSON, from 0) or node id (OSM) that reports name.</summary>
    public long Position { get; set; }

    /// <summary>Set when the reader could not make the row out at all (e.g. a GeoJSON feature that is not a Point).</summary>
    public RowProblem? Problem { get; set; }

    /// <summary>The raw text of amenity-like tags or columns that the reader found outside the amenities field.</summary>
    public List<string> ExtraAmenities { get; } = [];

    public string? this[ImportField field]
    {
        get => _values[(int)field];
        set => _values[(int)field] = value;
    }

    /// <summary>A copy that stays valid after the reader moves on (the field texts are shared: strings do not change).</summary>
    public SourceRow Snapshot()
    {
        var copy = new SourceRow { Position = Position, Problem = Problem };
        Array.Copy(_values, copy._values, _values.Length);
        copy.ExtraAmenities.AddRange(ExtraAmenities);
        return copy;
    }

    public void Clear(long position)
    {
        Array.Clear(_values);
        ExtraAmenities.Clear();
        Problem = null;
        Position = position;
    }
}

/// <summary>Why a row could not be read: the field at fault, its value and the reason.</summary>
public sealed record RowProblem(string Field, string? Value, string Reason);
