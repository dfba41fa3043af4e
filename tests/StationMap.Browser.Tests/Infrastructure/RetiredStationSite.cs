using Npgsql;
using StationMap.DemoData;
using StationMap.Store.Stations;

namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>
/// The map site after a full refresh of the demo source that no longer lists the demo station nearest to Tiananmen: the
/// store retires it (kept, with retired_at), as it would a station a real feed dropped.
/// </summary>
public sealed class RetiredStationSite : MapSite
{
    /// <summary>The retired station's id.</summary>
    public long RetiredId { get; private set; }

    protected override async Task SeedAsync(string connectionString)
    {
        var stations = BeijingDemo.Stations();
        var retired = stations.MinBy(s => Math.Pow(s.Lat - 39.9087, 2) + Math.Pow(s.Lon - 116.3975, 2))!;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var counts = await StationMerge.MergeAsync(connection, transaction, DemoLoader.DemoSource,
                stations.Where(s => s.ExternalId != retired.ExternalId), retireMissing: true, CancellationToken.None);
            Assert.Equal(1, counts.Retired);
            await transaction.CommitAsync();
        }
        await using var command = dataSource.CreateCommand("SELECT id FROM station WHERE source = $1 AND external_id = $2 AND retired_at IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = DemoLoader.DemoSource });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = retired.ExternalId });
        RetiredId = (long)(await command.ExecuteScalarAsync())!;
    }
}
