using System.Runtime.CompilerServices;
using Npgsql;
using StationMap.Domain;
using StationMap.Store.Stations;

namespace StationMap.Store.Exports;

/// <summary>Which live stations an export holds: all, or those of one district, of some kinds, of one source.</summary>
/// <param name="Kinds">Empty for every kind.</param>
public sealed record StationExportFilter(string? District, IReadOnlyList<StationKind> Kinds, string? Source);

/// <summary>
/// The stations of an export, streamed from one statement (one snapshot) in (source, external id) order, which the
/// unique key's index gives without a sort: memory holds one row at a time whatever the store's size.
/// </summary>
public sealed class StationExportQueries(StationDataSources dataSources)
{
    private const string Where = """
        s.retired_at IS NULL
          AND (@district::text IS NULL OR s.district = @district)
          AND (cardinality(@kinds::text[]) = 0 OR s.kind = ANY(@kinds))
          AND (@source::text IS NULL OR s.source = @source)
        """;

    private static readonly string StationsSql = $"""
        SELECT {StationColumns.Select}
        FROM station s
        WHERE {Where}
        ORDER BY s.source, s.external_id
        """;

    // Counts no further than the cap: a count of a million rows the caller will refuse anyway is wasted.
    private static readonly string CountSql = $"""
        SELECT count(*) FROM (SELECT 1 FROM station s WHERE {Where} LIMIT @cap) AS capped
        """;

    /// <summary>
    /// The stations, read on the background source: an export of a million stations streams for longer than the
    /// public reads' statement timeout allows, and it is bounded by its own rate limit and operator key instead.
    /// </summary>
    public async IAsyncEnumerable<Station> StationsAsync(
        StationExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSources.Background.Read.CreateCommand(StationsSql);
        command.CommandTimeout = 0;
        Bind(command, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return StationColumns.Read(reader);
        }
    }

    /// <summary>How many stations the export holds, counted up to <paramref name="cap"/> (more reads as cap).</summary>
    public async Task<long> CountAsync(StationExportFilter filter, long cap, CancellationToken cancellationToken)
    {
        await using var command = dataSources.Background.Read.CreateCommand(CountSql);
        Bind(command, filter);
        command.Parameters.Add(new NpgsqlParameter<long>("cap", cap));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static void Bind(NpgsqlCommand command, StationExportFilter filter)
    {
        command.Parameters.Add(new NpgsqlParameter<string?>("district", filter.District) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", [.. filter.Kinds.Select(k => k.ToWire())]));
        command.Parameters.Add(new NpgsqlParameter<string?>("source", filter.Source) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    }
}
