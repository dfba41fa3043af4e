using Npgsql;

namespace StationMap.Store;

/// <summary>
/// The ways into the database: <see cref="Read"/> may point at standbys, <see cref="Write"/> always at the primary.
/// Kept apart from the start so that imports and runs never land on a replica, and so that only public reads carry
/// the statement timeout (<see cref="Background"/> is the same database without it).
/// </summary>
public sealed class StationDataSources : IAsyncDisposable
{
    private readonly NpgsqlDataSource _unboundedRead;
    private readonly bool _ownsSources = true;

    /// <param name="readStatementTimeout">
    /// The backstop on every statement of <see cref="Read"/>: PostgreSQL cancels a public read that runs longer
    /// (<c>57014 query_canceled</c>), so no request holds a connection and a core for long. Null: none.
    /// </param>
    public StationDataSources(string writeConnectionString, string? readConnectionString = null, TimeSpan? readStatementTimeout = null)
    {
        readConnectionString ??= writeConnectionString;
        SeparateRead = readConnectionString != writeConnectionString;
        Write = Build(writeConnectionString);
        _unboundedRead = readConnectionString == writeConnectionString ? Write : Build(readConnectionString);
        Read = readStatementTimeout is { } timeout ? Build(WithStatementTimeout(readConnectionString, timeout)) : _unboundedRead;
        Background = Read == _unboundedRead ? this : new StationDataSources(_unboundedRead, Write);
    }

    // The view for background work: the same pools, owned (and disposed) by the instance that made it.
    private StationDataSources(NpgsqlDataSource unboundedRead, NpgsqlDataSource write)
    {
        Read = _unboundedRead = unboundedRead;
        Write = write;
        SeparateRead = !ReferenceEquals(unboundedRead, write);
        Background = this;
        _ownsSources = false;
    }

    /// <summary>
    /// Whether reads have a connection string of their own (standbys, typically): then data read may lag what was
    /// written, and <c>NOTIFY</c>, which PostgreSQL does not replicate, is heard only through <see cref="Write"/>.
    /// </summary>
    public bool SeparateRead { get; }

    /// <summary>Reads made for public requests, bounded by the statement timeout when one is set.</summary>
    public NpgsqlDataSource Read { get; }

    public NpgsqlDataSource Write { get; }

    /// <summary>
    /// The same database for background work (Hangfire jobs), whose <see cref="Read"/> has no statement timeout:
    /// a planning run's demand query may rightly take minutes.
    /// </summary>
    public StationDataSources Background { get; }

    // Sent in the startup packet, so it costs no round trip and survives the pool's connection reset.
    private static string WithStatementTimeout(string connectionString, TimeSpan timeout)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var milliseconds = Math.Max(1, (long)timeout.TotalMilliseconds);
        csb.Options = $"{csb.Options} -c statement_timeout={milliseconds}".Trim();
        return csb.ConnectionString;
    }

    /// <summary>
    /// Forgets every pooled connection and, for several hosts, what Npgsql last saw each host to be (primary,
    /// standby, offline). After a failover the idle connections to the old primary are dead, and for
    /// <c>Host Recheck Seconds</c> (10 by default) Npgsql would still take the promoted standby for a standby and the
    /// stopped primary for the primary: the next connection asks each host again.
    /// </summary>
    public void Forget()
    {
        foreach (var source in new[] { Read, _unboundedRead, Write }.Distinct())
        {
            source.Clear();
            if (source is NpgsqlMultiHostDataSource hosts)
            {
                hosts.ClearDatabaseStates();
            }
        }
    }

    public static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Planning the PostGIS nearest query costs more than running it (measured: ~3 ms of server CPU per API request
        // against 0.15 ms for the same SQL prepared in pgbench), so the statements we repeat are prepared once per
        // connection. A connection string that sets its own value keeps it.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }
        // Imports stream a million rows each way by COPY; with Npgsql's 8 KB buffers, refilling them (a lock and a
        // timer reset each time) cost a quarter of reading a source's stored keys.
        var csb = builder.ConnectionStringBuilder;
        csb.ReadBufferSize = Math.Max(csb.ReadBufferSize, 1 << 16);
        csb.WriteBufferSize = Math.Max(csb.WriteBufferSize, 1 << 16);
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ownsSources)
        {
            return;
        }
        if (!ReferenceEquals(Read, _unboundedRead))
        {
            await Read.DisposeAsync();
        }
        if (!ReferenceEquals(_unboundedRead, Write))
        {
            await _unboundedRead.DisposeAsync();
        }
        await Write.DisposeAsync();
    }
}
