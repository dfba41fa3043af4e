using Npgsql;

namespace StationMap.Store.Merging;

/// <summary>
/// The one way the Store merges a source's imported rows into a table: the rows go by binary COPY into a temporary
/// staging table (dropped when the transaction ends), and the table's own SQL takes them from there. Every statement
/// runs inside the caller's transaction, so a failure anywhere leaves the store as it was, with <c>@source</c> bound.
/// </summary>
internal sealed class StagedMerge(NpgsqlConnection connection, NpgsqlTransaction transaction, string source)
{
    private const string LockSource = "SELECT pg_advisory_xact_lock(hashtextextended(@scope || @source, 0))";

    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    /// <summary>
    /// Serialises the merges of this source under <paramref name="scope"/> until the transaction ends, so that what a
    /// merge reads of the stored rows stays true while it writes.
    /// </summary>
    public async Task LockAsync(string scope, CancellationToken cancellationToken)
    {
        await using var command = Command(LockSource);
        command.Parameters.Add(new NpgsqlParameter<string>("scope", scope));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates the staging table <paramref name="table"/> and copies <paramref name="rows"/> into it; returns how many.</summary>
    /// <param name="columns">The table's column definitions, in the order <paramref name="write"/> writes them.</param>
    public async Task<long> StageAsync<T>(
        string table, string columns, IEnumerable<T> rows, Action<CopyRowWriter, T> write, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"CREATE TEMP TABLE {table} ({columns}) ON COMMIT DROP", cancellationToken);
        return await CopyAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", rows, write, cancellationToken);
    }

    /// <summary>Runs the binary COPY <paramref name="copy"/> with one row of <paramref name="write"/> per item; returns how many.</summary>
    public async Task<long> CopyAsync<T>(
        string copy, IEnumerable<T> rows, Action<CopyRowWriter, T> write, CancellationToken cancellationToken)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken);
        var writer = new CopyRowWriter(stream);
        try
        {
            // Synchronous writes: they only fill buffers (a send happens when Npgsql's is full), and awaiting per row
            // cost more than the row itself on a million-row import.
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.StartRow();
                write(writer, row);
            }
            writer.Complete();
        }
        catch (Exception e) when (e is not NpgsqlException)
        {
            // The rows failed, not the connection (bad input, cancellation): end the COPY with an error rather than
            // let disposing the stream complete it with the rows sent so far. After a database failure the COPY is
            // over already.
            await stream.CancelAsync();
            throw;
        }
        return writer.Rows;
    }

    /// <summary>Runs one statement; returns the rows it affected.</summary>
    public async Task<long> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a statement that returns <c>(external_id, inserted)</c> for every row it wrote, telling each to
    /// <paramref name="onChanged"/>; returns how many were inserted and how many updated.
    /// </summary>
    public async Task<(long Inserted, long Updated)> ChangesAsync(
        string sql, Action<string, bool>? onChanged, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long inserted = 0, updated = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var wasInserted = reader.GetBoolean(1);
            onChanged?.Invoke(reader.GetString(0), wasInserted);
            if (wasInserted)
            {
                inserted++;
            }
            else
            {
                updated++;
            }
        }
        return (inserted, updated);
    }

    // A merge takes as long as its input is large (a million rows on a busy server outlast the 30 s default);
    // callers stop it with the cancellation token instead.
    private NpgsqlCommand Command(string sql)
    {
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        return command;
    }
}
