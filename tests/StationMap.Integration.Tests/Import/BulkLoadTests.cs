using Npgsql;
using StationMap.Import;
using StationMap.Import.Demo;
using StationMap.Import.Normalising;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// A large first import drops the station table's GiST indexes and builds them again after the insert: afterwards
/// the table has exactly the indexes it had (new ones: the old were dropped), and the stations are all there.
/// </summary>
public sealed class BulkLoadTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stationmap-bulk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_first_import_at_least_as_large_as_the_table_rebuilds_the_same_indexes(bool bulk)
    {
        var stored = await CountAsync(database.DataSources.Write, "SELECT count(*) FROM station");
        var count = (int)stored + 300;
        var source = NewSource("bulk");
        var path = Path.Combine(_folder, source + ".csv");
        DemoFiles.WriteCsv(StationGenerator.Generate(count, 17, GeneratorRegion.Jingjinji), path, CoordinateSystem.Wgs84);
        var indexesBefore = await IndexesAsync();

        var result = await ImportAsync(database.DataSources.Write, new ImportOptions
        {
            FilePath = path, Source = source, Mode = ImportMode.Full, BulkLoadMinRows = bulk ? 1 : int.MaxValue,
        });

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(count, result.Report.Inserted);
        Assert.Equal(count, await CountAsync(database.DataSources.Write, "SELECT count(*) FROM station WHERE source = @s AND retired_at IS NULL", ("s", source)));
        var indexesAfter = await IndexesAsync();
        Assert.Equal(indexesBefore.Select(i => (i.Name, i.Definition, i.Valid)), indexesAfter.Select(i => (i.Name, i.Definition, i.Valid)));
        Assert.All(indexesAfter, i => Assert.True(i.Valid, i.Name));
        // Indexes that back a constraint are kept; the others are built anew only on the bulk path.
        var rebuilt = indexesBefore.Zip(indexesAfter).Where(p => p.First.Oid != p.Second.Oid).Select(p => p.First.Name).ToList();
        if (bulk)
        {
            Assert.Contains("station_location_gix", rebuilt);
            Assert.Contains("station_geog_live_gix", rebuilt);
            Assert.DoesNotContain("station_pkey", rebuilt);
        }
        else
        {
            Assert.Empty(rebuilt);
        }

        // The rebuilt geography index answers: nearest through it equals nearest by a full scan.
        Assert.Equal(await NearestIdsAsync(indexScan: false), await NearestIdsAsync(indexScan: true));
    }

    private async Task<List<(string Name, string Definition, bool Valid, uint Oid)>> IndexesAsync()
    {
        await using var command = database.DataSources.Write.CreateCommand("""
            SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indisvalid, c.oid
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = 'station'::regclass ORDER BY c.relname
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<(string, string, bool, uint)>();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetFieldValue<uint>(3)));
        }
        return indexes;
    }

    private async Task<List<long>> NearestIdsAsync(bool indexScan)
    {
        await using var connection = await database.DataSources.Write.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand($"SET LOCAL enable_indexscan = {(indexScan ? "on" : "off")}; SET LOCAL enable_bitmapscan = off", connection, transaction))
        {
            await set.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("""
            SELECT id FROM station WHERE retired_at IS NULL
            ORDER BY location::geography <-> ST_SetSRID(ST_MakePoint(116.4, 39.9), 4326)::geography, id LIMIT 20
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }
}
