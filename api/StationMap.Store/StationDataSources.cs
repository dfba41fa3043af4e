using Npgsql;

namespace StationMap.Store;

/// <summary>
/// The two ways into the database: <see cref="Read"/> may point at standbys, <see cref="Write"/> always at the primary.
/// Kept apart from the start so that imports and runs never land on a replica.
/// </summary>
public sealed class StationDataSources : IAsyncDisposable
{
    public StationDataSources(string writeConnectionString, string? readConnectionString = null)
    {
        Write = Build(writeConnectionString);
        Read = readConnectionString is null || readConnectionString == writeConnectionString
            ? Write
            : Build(readConnectionString);
    }

    public NpgsqlDataSource Read { get; }

    public NpgsqlDataSource Write { get; }

    public static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(Read, Write))
        {
            await Read.DisposeAsync();
        }
        await Write.DisposeAsync();
    }
}
