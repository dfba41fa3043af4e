namespace StationMap.Import.Reading;

/// <summary>
/// Which column of a header row fills which <see cref="ImportField"/>, and whether the required ones are there: one
/// rule for every tabular reader (CSV, Excel), so a sheet and its CSV twin read alike.
/// </summary>
internal sealed class HeaderColumns
{
    private static readonly ImportField[] Required = [ImportField.ExternalId, ImportField.Name, ImportField.Lat, ImportField.Lon];

    private HeaderColumns((int Ordinal, ImportField Field)[] columns, string[] missing)
    {
        Columns = columns;
        Missing = missing;
    }

    /// <summary>The mapped columns by ordinal; when two columns name one field, the first wins.</summary>
    public (int Ordinal, ImportField Field)[] Columns { get; }

    /// <summary>The wire names of the required fields no column fills (empty when the header is usable).</summary>
    public string[] Missing { get; }

    public static HeaderColumns Of(IReadOnlyList<string?> headers, FieldNames names, bool kindRequired)
    {
        var columns = new List<(int, ImportField)>();
        var seen = new HashSet<ImportField>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] is { } header && names.TryGet(header, out var field) && seen.Add(field))
            {
                columns.Add((i, field));
            }
        }
        var missing = Required.Concat(kindRequired ? [ImportField.Kind] : [])
            .Where(f => !seen.Contains(f)).Select(f => f.ToWire()).ToArray();
        return new HeaderColumns([.. columns], missing);
    }

    /// <summary>Why the header cannot be used, naming what it has; addresses alone are not enough (no geocoding).</summary>
    public string Problem(IReadOnlyList<string?> headers)
    {
        var has = string.Join(", ", headers.Where(h => !string.IsNullOrWhiteSpace(h)));
        var geocoding = Columns.Any(c => c.Field == ImportField.Address) && Missing.Any(m => m is "lat" or "lon")
            ? "; an address column is not enough: the importer does not geocode, every row needs lat/lon (纬度/经度)"
            : "";
        return $"missing required column(s) {string.Join(", ", Missing)}; the header has: {has} (map others with --mapping){geocoding}";
    }
}
