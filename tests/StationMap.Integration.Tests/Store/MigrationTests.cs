using Npgsql;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store;
using StationMap.Store.Migrations;

namespace StationMap.Integration.Tests.Store;

public sealed class MigrationTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabases.CreateEmptyAsync("migr");

    public Task DisposeAsync() => TestDatabases.DropAsync(_database);

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_in_order_and_reapply_as_a_no_op()
    {
        await using var dataSource = StationDataSources.Build(TestDatabases.ConnectionStringFor(_database));
        var migrator = new SchemaMigrator(dataSource);

        var first = await migrator.MigrateAsync();
        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), first.Select(m => m.Version));
        Assert.NotEmpty(first);

        var second = await migrator.MigrateAsync();
        Assert.Empty(second);

        await using var command = dataSource.CreateCommand("SELECT version FROM schema_migrations ORDER BY version");
        var recorded = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                recorded.Add(reader.GetInt32(0));
            }
        }
        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), recorded);
    }

    [Fact]
    public async Task Schema_rejects_unknown_kinds_and_out_of_range_coordinates()
    {
        await using var dataSource = StationDataSources.Build(TestDatabases.ConnectionStringFor(_database));
        await new SchemaMigrator(dataSource).MigrateAsync();

        async Task<PostgresException> Insert(string kind, double lon, double lat)
        {
            await using var command = dataSource.CreateCommand(
                "INSERT INTO station (source, external_id, kind, name, location) VALUES ('t', 'x', @kind, 'n', ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))");
            command.Parameters.AddWithValue("kind", kind);
            command.Parameters.AddWithValue("lon", lon);
            command.Parameters.AddWithValue("lat", lat);
            return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }

        Assert.Equal(PostgresErrorCodes.CheckViolation, (await Insert("bakery", 116.4, 39.9)).SqlState);
        Assert.Equal(PostgresErrorCodes.CheckViolation, (await Insert("warm_station", 116.4, 95)).SqlState);
        Assert.Equal(PostgresErrorCodes.CheckViolation, (await Insert("warm_station", 190, 39.9)).SqlState);
    }

    [Fact]
    public async Task Two_migrators_racing_apply_each_migration_once()
    {
        await using var dataSource = StationDataSources.Build(TestDatabases.ConnectionStringFor(_database));
        var results = await Task.WhenAll(new SchemaMigrator(dataSource).MigrateAsync(), new SchemaMigrator(dataSource).MigrateAsync());
        Assert.Equal(SchemaMigrator.Embedded.Count, results.Sum(r => r.Count));
    }
}
