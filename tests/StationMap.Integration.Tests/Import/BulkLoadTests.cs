using Npgsql;
using StationMap.Import;
using StationMap.DemoData;
using StationMap.Import.Normalising;
using StationMap.Integration.Tests.Infrastructure;
using static StationMap.Integration.Tests.Import.ImportHarness;

namespace StationMap.Integration.Tests.Import;

/// <summary>
/// A bulk load (a source's first import into a small store) drops the station table's keys, the foreign keys that
/// reference them and its GiST indexes, and builds them again after the COPY: afterwards the table has exactly the
/// indexes and constraints it had (new ones: the old were dropped), they hold, and the stations are all there, with the
/// same content as through the staged path.
/// </summary>
public sealed class BulkLoadTests(DemoDatabase database) : ImportFolderTests(database)
{
    [Fact]
    public async Task A_bulk_load_rebuilds_the_same_indexes_and_stores_what_the_staged_path_stores()
    {
        const int count = 3000;
        var path = Path.Combine(Folder, "bulk.csv");
        DemoFiles.WriteCsv(StationGenerator.Generate(count, 17, GeneratorRegion.Jingjinji), path, CoordinateSystem.Gcj02);
        var staged = NewSource("staged");
        var bulk = NewSource("bulk");

        var indexesBefore = await IndexesAsync();
        var constraintsBefore = await ConstraintsAsync();
        var idCacheBefore = await IdCacheAsync();
        var stagedResult = await ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = path, Source = staged, Crs = CoordinateSystem.Gcj02, Mode = ImportMode.Full, BulkLoadMaxStations = -1,
        });
        var indexesBetween = await IndexesAsync();
        var bulkResult = await ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = path, Source = bulk, Crs = CoordinateSystem.Gcj02, Mode = ImportMode.Full, BulkLoadMaxStations = int.MaxValue,
        });
        var indexesAfter = await IndexesAsync();
        var constraintsAfter = await ConstraintsAsync();
        var bulkIds = await CountAsync(Database.DataSources.Write,
            "SELECT max(id) - min(id) + 1 FROM station WHERE source = @s", ("s", bulk));

        Assert.Equal(ImportStatus.Succeeded, stagedResult.Status);
        Assert.Equal(ImportStatus.Succeeded, bulkResult.Status);
        Assert.Equal(count, bulkResult.Report.Inserted);
        Assert.Equal(stagedResult.Report.Changes.Select(c => (c.Position, c.ExternalId)).Order(),
            bulkResult.Report.Changes.Select(c => (c.Position, c.ExternalId)).Order());
        Assert.Equal(await ContentAsync(staged), await ContentAsync(bulk));

        // The staged path leaves every index as it was; the bulk load builds the keys and the GiST indexes anew.
        Assert.Equal(indexesBefore, indexesBetween);
        Assert.Equal(indexesBefore.Select(i => (i.Name, i.Definition)), indexesAfter.Select(i => (i.Name, i.Definition)));
        Assert.All(indexesAfter, i => Assert.True(i.Valid, i.Name));
        var rebuilt = indexesBefore.Zip(indexesAfter).Where(p => p.First.Oid != p.Second.Oid).Select(p => p.First.Name).ToList();
        Assert.Contains("station_location_gix", rebuilt);
        Assert.Contains("station_geog_live_gix", rebuilt);
        Assert.Contains("station_pkey", rebuilt);
        Assert.Contains("station_source_external_id_key", rebuilt);

        // The identity's sequence handed out ids a thousand at a time during the load (consecutive in one session)
        // and is back to its own setting.
        Assert.Equal(count, bulkIds);
        Assert.Equal(idCacheBefore, await IdCacheAsync());

        // Every constraint on the table and every foreign key that references it is back as it was, validated, and
        // they hold: a second row with a bulk-loaded key and a row pointing at no station are refused.
        Assert.Equal(constraintsBefore, constraintsAfter);
        Assert.Contains(constraintsAfter, c => c.Definition.StartsWith("FOREIGN KEY", StringComparison.Ordinal));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, (await RefusedAsync($"""
            INSERT INTO station (source, external_id, kind, name, location)
            SELECT source, external_id, kind, name, location FROM station WHERE source = '{bulk}' LIMIT 1
            """)).SqlState);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, (await RefusedAsync(
            "INSERT INTO visit_daily (station_id, day, visits) VALUES ((SELECT max(id) + 1 FROM station), current_date, 1)")).SqlState);

        // The rebuilt geography index answers: nearest through it equals nearest by a full scan.
        Assert.Equal(await NearestIdsAsync(indexScan: false), await NearestIdsAsync(indexScan: true));

        // And a re-import of the bulk-loaded source finds every row unchanged.
        var again = await ImportAsync(Database.DataSources.Write, new ImportOptions
        {
            FilePath = path, Source = bulk, Crs = CoordinateSystem.Gcj02, Mode = ImportMode.Full,
        });
        Assert.Equal(count, again.Report.Unchanged);
    }

    private async Task<string> ContentAsync(string source)
    {
        await using var command = Database.DataSources.Write.CreateCommand("""
            SELECT md5(string_agg(concat_ws('|', external_id, kind, name, address, district, ST_AsEWKB(location)::text,
                       amenities::text, opening_hours, truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone,
                       host, content_hash, status, retired_at), E'\n' ORDER BY external_id)) || ':' || count(*)
            FROM station WHERE source = @s
            """);
        command.Parameters.AddWithValue("s", source);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private Task<long> IdCacheAsync() => CountAsync(Database.DataSources.Write,
        "SELECT seqcache FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('station', 'id')::regclass");

    private async Task<PostgresException> RefusedAsync(string sql)
    {
        await using var command = Database.DataSources.Write.CreateCommand(sql);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    /// <summary>The station table's constraints and the foreign keys that reference it: table, name, definition, validated.</summary>
    private async Task<List<(string Table, string Name, string Definition, bool Validated)>> ConstraintsAsync()
    {
        await using var command = Database.DataSources.Write.CreateCommand("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint
            WHERE conrelid = 'station'::regclass OR confrelid = 'station'::regclass ORDER BY 1, 2
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var constraints = new List<(string, string, string, bool)>();
        while (await reader.ReadAsync())
        {
            constraints.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
        }
        Assert.All(constraints, c => Assert.True(c.Item4, c.Item2));
        return constraints;
    }

    private async Task<List<(string Name, string Definition, bool Valid, uint Oid)>> IndexesAsync()
    {
        await using var command = Database.DataSources.Write.CreateCommand("""
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
        await using var connection = await Database.DataSources.Write.OpenConnectionAsync();
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
