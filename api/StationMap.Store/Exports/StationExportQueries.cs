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
    /// Runs the export's statement and answers its rows as they come, read on the background source: an export of a
    /// million stations streams for longer than the public reads' statement timeout allows, and is bounded by its own
    /// rate limit and operator key instead. Opening it is what fails when the database is down, before anything is
    /// written.
    /// </summary>
    public async Task<StationExportRows> OpenAsync(StationExportFilter filter, CancellationToken cancellationToken)
    {
        var command = dataSources.Background.Read.CreateCommand(StationsSql);
        try
        {
            command.CommandTimeout = 0;
            Bind(command, filter);
            return new StationExportRows(command, await command.ExecuteReaderAsync(cancellationToken));
        }
        catch
        {
            await command.DisposeAsync();
            throw;
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

/// <summary>The rows of an export's statement, read one at a time; disposing them gives back the connection.</summary>
public sealed class StationExportRows(NpgsqlCommand command, NpgsqlDataReader reader) : IAsyncDisposable
{
    public async IAsyncEnumerable<Station> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return StationColumns.Read(reader);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await command.DisposeAsync();
    }
}
