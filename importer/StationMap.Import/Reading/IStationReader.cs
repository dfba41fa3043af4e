namespace StationMap.Import.Reading;

/// <summary>
/// Streams the rows of one input file. Throws <see cref="ImportInputException"/> when the file as a whole cannot
/// be used (no header, a required column missing, malformed structure); a bad row is a row with a problem instead.
/// </summary>
public interface IStationReader : IDisposable
{
    /// <summary>What reports call a row's position: "line", "feature" or "node".</summary>
    string PositionName { get; }

    /// <summary>The rows, one at a time; the same <see cref="SourceRow"/> instance is refilled for each.</summary>
    IEnumerable<SourceRow> Rows();
}
