using Npgsql;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Merging;

namespace StationMap.Integration.Tests.Store;

/// <summary>
/// The binary COPY writer against PostgreSQL's own reading of what it wrote: every column type imports use, their
/// edge values, rows past the flush size and a field larger than the buffer; and a failure of the rows (not of the
/// database) ends the COPY without sending the rows so far.
/// </summary>
public sealed class CopyRowWriterTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private const string Table = """
        CREATE TEMP TABLE copied (k integer NOT NULL, t text, i integer, l bigint, d double precision, b boolean,
                                  g geometry, a text[]) ON COMMIT DROP
        """;

    private sealed record Row(int K, string? T, int? I, long L, double? D, bool B, (double X, double Y)? G, string[] A);

    private static IEnumerable<Row> Edges()
    {
        yield return new Row(0, "驿站 ☕ \U0001F69A", int.MinValue, long.MinValue, double.NaN, true, (116.397128, 39.916527), ["drinking_water", "热水"]);
        yield return new Row(1, "", int.MaxValue, long.MaxValue, double.NegativeInfinity, false, (-180, -90), []);
        yield return new Row(2, null, null, 0, null, true, null, [""]);
        yield return new Row(3, "a,\"b\"\n\tc\\", 0, -1, -0.0, false, (180, 90), ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"]);
        yield return new Row(4, new string('长', 100_000), 7, 7, double.Epsilon, true, (0.1, 0.2), [new string('x', 70_000)]);
        for (var k = 5; k < 20_000; k++)
        {
            yield return new Row(k, $"row {k}", k, k * 3_000_000_000L, k / 7.0, k % 2 == 0, (k / 1000.0, -k / 1000.0), [$"a{k}"]);
        }
    }

    [Fact]
    public async Task What_it_writes_reads_back_equal()
    {
        var rows = Edges().ToList();
        await using var connection = await database.DataSources.Write.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, transaction, Table);

        var copied = await new StagedMerge(connection, transaction, "test").CopyAsync("COPY copied FROM STDIN (FORMAT BINARY)", rows, Write, CancellationToken.None);

        Assert.Equal(rows.Count, copied);
        await using var command = new NpgsqlCommand(
            "SELECT k, t, i, l, d, b, ST_X(g), ST_Y(g), ST_SRID(g), a FROM copied ORDER BY k", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        var read = 0;
        while (await reader.ReadAsync())
        {
            var expected = rows[read++];
            Assert.Equal(expected.K, reader.GetInt32(0));
            Assert.Equal(expected.T, reader.IsDBNull(1) ? null : reader.GetString(1));
            Assert.Equal(expected.I, reader.IsDBNull(2) ? null : reader.GetInt32(2));
            Assert.Equal(expected.L, reader.GetInt64(3));
            Assert.Equal(expected.D, reader.IsDBNull(4) ? null : reader.GetDouble(4));
            Assert.Equal(expected.B, reader.GetBoolean(5));
            Assert.Equal(expected.G, reader.IsDBNull(6) ? null : (reader.GetDouble(6), reader.GetDouble(7)));
            if (expected.G is not null)
            {
                Assert.Equal(4326, reader.GetInt32(8));
            }
            Assert.Equal(expected.A, reader.GetFieldValue<string[]>(9));
        }
        Assert.Equal(rows.Count, read);
    }

    [Fact]
    public async Task A_failure_of_the_rows_cancels_the_copy_and_leaves_the_connection_usable()
    {
        await using var connection = await database.DataSources.Write.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Execute(connection, transaction, Table);
            var failing = Edges().Take(5000).Select(r => r.K < 4000 ? r : throw new InvalidDataException("row 4000 is bad"));

            await Assert.ThrowsAsync<InvalidDataException>(() =>
                new StagedMerge(connection, transaction, "test").CopyAsync("COPY copied FROM STDIN (FORMAT BINARY)", failing, Write, CancellationToken.None));
            await transaction.RollbackAsync();
        }
        await using var again = new NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, await again.ExecuteScalarAsync());
    }

    private static void Write(CopyRowWriter writer, Row row)
    {
        writer.Write(row.K);
        writer.WriteOrNull(row.T);
        writer.WriteOrNull(row.I);
        writer.Write(row.L);
        writer.WriteOrNull(row.D);
        writer.Write(row.B);
        if (row.G is { } g)
        {
            writer.WritePoint(g.X, g.Y, 4326);
        }
        else
        {
            writer.WriteNull();
        }
        writer.Write(row.A);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
