using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using StationMap.Domain;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Stations;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// A station a full refresh no longer lists is retired, not deleted: its shared link still answers, saying since when it
/// is out of service, and nearest (the source of the map's alternatives) no longer offers it.
/// </summary>
public sealed class RetiredStationTests(DemoDatabase database) : DemoApiTests(database)
{
    private static StationRecord Record(string externalId, double lat, double lon) => new()
    {
        ExternalId = externalId, Kind = StationKind.WarmStation, Name = $"退役测试驿站 {externalId}",
        Address = "北京市东城区前门大街1号", District = "东城区", Lat = lat, Lon = lon, OpeningHours = "24/7",
    };

    // Far from the Beijing demo stations (near Chengde), and each test on its own spot: the class shares one database.
    private static readonly StationRecord Closing = Record("closing", 40.9700, 117.9300);
    private static readonly StationRecord Staying = Record("staying", 40.9712, 117.9318);
    private static readonly StationRecord ClosingElsewhere = Closing with { Lat = 41.1700, Lon = 118.1300 };
    private static readonly StationRecord StayingElsewhere = Staying with { Lat = 41.1712, Lon = 118.1318 };

    /// <summary>A full refresh of <paramref name="source"/> with exactly these records, through the store's one merge primitive.</summary>
    private async Task RefreshAsync(string source, params StationRecord[] records)
    {
        await using var connection = await Database.DataSources.Write.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await StationMerge.MergeAsync(connection, transaction, source, records, retireMissing: true, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task<(long Id, DateTimeOffset? RetiredAt)> StoredAsync(string source, string externalId)
    {
        await using var command = Database.DataSources.Read.CreateCommand(
            "SELECT id, retired_at FROM station WHERE source = @source AND external_id = @external_id");
        command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        command.Parameters.Add(new NpgsqlParameter<string>("external_id", externalId));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{source}/{externalId} is not stored");
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    [Fact]
    public async Task A_retired_station_answers_with_its_retirement_and_no_opening_state()
    {
        var source = $"retire-{Guid.NewGuid():N}"[..20];
        await RefreshAsync(source, Closing, Staying);
        var (closingId, before) = await StoredAsync(source, "closing");
        Assert.Null(before);
        var live = await Client.GetFromJsonAsync<JsonElement>($"/api/stations/{closingId}");
        Assert.Equal(JsonValueKind.Null, live.GetProperty("retiredAt").ValueKind);
        Assert.True(live.GetProperty("openNow").GetBoolean());

        await RefreshAsync(source, Staying);

        var (_, retiredAt) = await StoredAsync(source, "closing");
        Assert.NotNull(retiredAt);
        var response = await Client.GetAsync($"/api/stations/{closingId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var retired = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(closingId, retired.GetProperty("id").GetInt64());
        Assert.Equal(Closing.Name, retired.GetProperty("name").GetString());
        Assert.Equal(retiredAt.Value, retired.GetProperty("retiredAt").GetDateTimeOffset());
        // Its hours still say 24/7, but a station that is gone is neither open nor about to open.
        Assert.Equal("24/7", retired.GetProperty("openingHours").GetString());
        Assert.Equal(JsonValueKind.Null, retired.GetProperty("openNow").ValueKind);
        Assert.Equal(JsonValueKind.Null, retired.GetProperty("nextChange").ValueKind);
        // Its position stays, so the map can ask nearest for the open alternatives around it.
        Assert.Equal(Closing.Lat, retired.GetProperty("lat").GetDouble());
        Assert.Equal(Closing.Lon, retired.GetProperty("lon").GetDouble());
    }

    [Fact]
    public async Task The_alternatives_around_a_retired_station_never_include_it_and_a_revived_one_is_live_again()
    {
        var source = $"revive-{Guid.NewGuid():N}"[..20];
        await RefreshAsync(source, ClosingElsewhere, StayingElsewhere);
        var (closingId, _) = await StoredAsync(source, "closing");
        var (stayingId, _) = await StoredAsync(source, "staying");
        await RefreshAsync(source, StayingElsewhere);

        // What the card asks for: the open stations nearest to where the retired one stood.
        var url = string.Create(CultureInfo.InvariantCulture, $"/api/stations/nearest?lat={ClosingElsewhere.Lat}&lon={ClosingElsewhere.Lon}&k=3&openNow=true");
        // Settled only once the index has both the new stations and the retirement: a stale index holds neither.
        var ids = await NearestIdsEventuallyAsync(url, ids => !ids.Contains(closingId) && ids.Contains(stayingId));
        Assert.DoesNotContain(closingId, ids);
        Assert.Equal(stayingId, ids[0]);

        await RefreshAsync(source, ClosingElsewhere, StayingElsewhere);

        var revived = await Client.GetFromJsonAsync<JsonElement>($"/api/stations/{closingId}");
        Assert.Equal(JsonValueKind.Null, revived.GetProperty("retiredAt").ValueKind);
        Assert.True(revived.GetProperty("openNow").GetBoolean());
        Assert.Contains(closingId, await NearestIdsEventuallyAsync(url, ids => ids.Contains(closingId)));
    }

    /// <summary>Nearest ids once the in-memory index has caught up with the store (it follows changes within moments).</summary>
    private async Task<List<long>> NearestIdsEventuallyAsync(string url, Func<List<long>, bool> settled)
    {
        List<long> ids = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var answer = await Client.GetFromJsonAsync<JsonElement>(url);
            ids = [.. answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
            if (settled(ids))
            {
                break;
            }
            await Task.Delay(100);
        }
        return ids;
    }
}
