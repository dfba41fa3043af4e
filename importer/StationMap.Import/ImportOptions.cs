using StationMap.Domain;
using StationMap.Domain.Queries;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;

namespace StationMap.Import;

/// <summary>The file formats the importer reads.</summary>
public enum InputFormat
{
    Csv,
    GeoJson,
    /// <summary>OpenStreetMap XML (<c>.osm</c>).</summary>
    Osm,
    /// <summary>An Excel workbook (<c>.xlsx</c>): one sheet, read like a CSV file.</summary>
    Xlsx,
    /// <summary>OpenStreetMap PBF (<c>.osm.pbf</c>), with the XML reader's tag mapping.</summary>
    OsmPbf,
}

/// <summary>Wire names of <see cref="InputFormat"/> (the CLI's <c>--format</c>, a source's <c>Format</c>, import runs).</summary>
public static class InputFormats
{
    private static readonly string[] Names = ["csv", "geojson", "osm", "xlsx", "pbf"];

    public static IReadOnlyList<string> WireNames => Names;

    public static string ToWire(this InputFormat format) => Names[(int)format];

    public static bool TryParse(string? text, out InputFormat format)
    {
        var index = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        format = index < 0 ? default : (InputFormat)index;
        return index >= 0;
    }

    /// <summary>The format that a file's name suggests (.csv/.txt/.tsv, .geojson/.json, .osm/.xml, .xlsx, .osm.pbf/.pbf), or null.</summary>
    public static InputFormat? FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" or ".txt" or ".tsv" => InputFormat.Csv,
        ".geojson" or ".json" => InputFormat.GeoJson,
        ".osm" or ".xml" => InputFormat.Osm,
        ".xlsx" => InputFormat.Xlsx,
        ".pbf" => InputFormat.OsmPbf,
        _ => null,
    };

    /// <summary>Whether the format is OpenStreetMap data, whose tags only describe stations.</summary>
    public static bool IsOsm(this InputFormat format) => format is InputFormat.Osm or InputFormat.OsmPbf;
}

/// <summary>Whether stations of the source that are missing from the file are retired (full) or left alone (incremental).</summary>
public enum ImportMode
{
    Incremental,
    Full,
}

/// <summary>What to import and how; the same for the command line and scheduled refresh jobs.</summary>
public sealed record ImportOptions
{
    public required string FilePath { get; init; }

    /// <summary>The data source's name: with the external id, the key of a station.</summary>
    public required string Source { get; init; }

    public InputFormat Format { get; init; } = InputFormat.Csv;

    /// <summary>What the file holds: stations, checkpoints, demand points or candidate sites.</summary>
    public ImportTarget Target { get; init; } = ImportTarget.Stations;

    /// <summary>The layer of demand rows that have no layer column or value.</summary>
    public string? DefaultLayer { get; init; }

    public CoordinateSystem Crs { get; init; } = CoordinateSystem.Wgs84;

    public ImportMode Mode { get; init; } = ImportMode.Incremental;

    /// <summary>CSV text encoding: utf-8 (BOM or not), gbk or gb18030.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>CSV delimiter; null detects it from the header.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The sheet of an Excel workbook to read; null reads the first visible one.</summary>
    public string? Sheet { get; init; }

    public FieldNames FieldNames { get; init; } = FieldNames.Default;

    /// <summary>The dataset's declared region (WGS-84); rows outside it are rejected.</summary>
    public BoundingBox? Region { get; init; }

    /// <summary>The kind of rows that have no kind column or value.</summary>
    public StationKind? DefaultKind { get; init; }

    /// <summary>Do everything but commit.</summary>
    public bool DryRun { get; init; }

    /// <summary>Commit nothing when any row is rejected.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// A source's first import into a store of at most this many stations loads straight into the table and builds
    /// the GiST indexes afterwards (the table is locked meanwhile); -1: never.
    /// </summary>
    public int BulkLoadMaxStations { get; init; } = StationMap.Store.Stations.StationMerge.DefaultBulkLoadMaxStations;

    /// <summary>
    /// The caller will write the report files (<see cref="Reporting.ReportFiles"/>): a station import renders their
    /// items while the database finishes the merge, instead of after the run.
    /// </summary>
    public bool PrepareReportFiles { get; init; }

}
