using Npgsql;

namespace StationMap.Store.Checkins;

/// <summary>
/// A connection kept from one use to the next instead of taken from the pool each time: a pooled connection is reset
/// whenever it is taken (a string of reset statements, as prepared statements are kept), which costs a small query
/// about as much as the query itself. Opened on first use; a caller that saw it fail drops it, and the next use opens a
/// fresh one (the database back, or another host after a failover). One user at a time.
/// </summary>
public sealed class KeptConnection(Func<CancellationToken, Task<NpgsqlConnection>> open) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public async ValueTask<NpgsqlConnection> GetAsync(CancellationToken cancellationToken) =>
        _connection ??= await open(cancellationToken);

    /// <summary>Closes it, if open: after a failure, when its state is unknown.</summary>
    public async ValueTask DropAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => DropAsync();
}
