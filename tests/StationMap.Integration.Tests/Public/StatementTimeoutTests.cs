using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store;

namespace StationMap.Integration.Tests.Public;

/// <summary>
/// The statement timeout on public reads: a read that runs into it (here: waiting for a lock the test holds) is a
/// 503 problem with Retry-After, never a 500 or a hung request, while what the in-memory index answers (nearest, bbox,
/// clusters) goes on; only the public read source carries it.
/// </summary>
public sealed class StatementTimeoutTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly Dictionary<string, string?> ShortTimeout = new() { ["Database:ReadStatementTimeoutMs"] = "300" };

    private static readonly string[] FromMemory =
    [
        "/api/stations/nearest?lat=39.9&lon=116.4",
        "/api/stations?bbox=116.3,39.85,116.5,39.95",
        "/api/stations/clusters?bbox=115.4,39.4,117.5,41.1&zoom=9",
    ];

    [Theory]
    [InlineData("/api/stations/1")]
    [InlineData("/api/planning/coverage?layer=freight_drivers&radiusM=500")]
    public async Task A_read_that_hits_the_statement_timeout_is_a_503_problem_and_nearest_still_answers(string path)
    {
        await using var factory = new StationMapFactory(database.ConnectionString, ShortTimeout);
        var client = factory.CreateClient();
        await NearestIndexProbe.WaitUntilCurrentAsync(client, database.DataSources.Write, TimeSpan.FromSeconds(30));

        await using (var connection = await database.DataSources.Write.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var command = new NpgsqlCommand("LOCK TABLE station IN ACCESS EXCLUSIVE MODE", connection, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("statement timeout", body);
            foreach (var fromMemory in FromMemory)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(fromMemory)).StatusCode);
            }
            await transaction.RollbackAsync();
        }
        Assert.True((int)(await client.GetAsync(path)).StatusCode < 500);
    }

    [Fact]
    public async Task Only_the_public_read_source_has_the_timeout()
    {
        await using var factory = new StationMapFactory(database.ConnectionString, ShortTimeout);
        var sources = factory.Services.GetRequiredService<StationDataSources>();
        Assert.Equal("300ms", await StatementTimeoutAsync(sources.Read));
        Assert.Equal("0", await StatementTimeoutAsync(sources.Write));
        Assert.Equal("0", await StatementTimeoutAsync(sources.Background.Read));
    }

    private static async Task<string> StatementTimeoutAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SHOW statement_timeout");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
