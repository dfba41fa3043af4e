using System.Text;
using StationMap.DemoData.Places;
using StationMap.Domain.Places;
using StationMap.Store.Places;

namespace StationMap.Integration.Tests.Places;

/// <summary>
/// Places in the store, through the real import pipeline: the same places whatever the order of imports and rows (and
/// the same as the domain's full pass), links kept by re-imports, operators' decisions kept by re-imports and full
/// passes, a place kept while another source has it, pins by priority.
/// </summary>
public sealed class PlaceStoreTests(PlacesDatabase database) : IClassFixture<PlacesDatabase>
{
    private static readonly string[] Reversed = [OverlappingSources.Osm, OverlappingSources.Hosts, OverlappingSources.Union];

    [Fact]
    public void The_committed_labelled_set_is_what_the_generator_makes()
    {
        var made = Path.GetTempFileName();
        try
        {
            SourceFiles.WriteLabelled(PlacesStore.Records(), made);
            var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "places", "generated.csv"), Encoding.UTF8);
            Assert.Equal(committed, File.ReadAllText(made, Encoding.UTF8));
        }
        finally
        {
            File.Delete(made);
        }
    }

    [Fact]
    public async Task Imports_in_another_order_with_rows_shuffled_make_the_same_places_as_a_full_pass()
    {
        var partition = await database.Store.PartitionAsync();
        Assert.True(partition.Count > 500, $"only {partition.Count} places of several sources");

        await using var other = await PlacesStore.CreateAsync(Reversed, shuffle: 7);
        Assert.Equal(partition, await other.PartitionAsync());

        // The same places as the domain's one global pass over every record with the same settings.
        var records = PlacesStore.Records().Select((r, i) => new PlaceRecord
        {
            Id = i + 1, Source = r.Source, ExternalId = r.Record.ExternalId, Kind = r.Record.Kind, Name = r.Record.Name,
            Address = r.Record.Address, Host = r.Record.Host, Phone = r.Record.Phone, Lat = r.Record.Lat, Lon = r.Record.Lon,
        }).ToList();
        var match = new PlaceMatcher(new MatchSettings { MaybeGcj02Sources = new HashSet<string> { OverlappingSources.MaybeGcj02 } }).Match(records, []);
        var keys = records.ToDictionary(r => r.Id, r => r.Source + "/" + r.ExternalId);
        Assert.Equal(
            match.Groups.Select(g => string.Join(" ", g.Select(id => keys[id]).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList(),
            partition);

        // The incremental passes after each import left nothing for a full pass to change.
        Assert.Equal(0, (await other.FullPassAsync()).Changed);
        Assert.Equal(partition, await other.PartitionAsync());
    }

    [Fact]
    public async Task Re_importing_a_source_keeps_its_links_even_when_every_row_changed()
    {
        await using var store = await PlacesStore.CreateAsync([OverlappingSources.Union, OverlappingSources.Hosts, OverlappingSources.Osm]);
        var partition = await store.PartitionAsync();
        var places = await store.ScalarAsync("SELECT sum(place_id) FROM station");

        var unchanged = await store.ImportAsync(OverlappingSources.Hosts);
        Assert.Equal(0, unchanged.Report.Inserted + unchanged.Report.Updated);
        var changed = await store.ImportAsync(OverlappingSources.Hosts, r => r with { OpeningHours = "Mo-Su 07:00-21:00" }, shuffle: 3);
        Assert.True(changed.Report.Updated > 300, $"{changed.Report.Updated} updated");
        Assert.True(changed.Report.Places!.Scope >= changed.Report.Updated);

        Assert.Equal(partition, await store.PartitionAsync());
        Assert.Equal(places, await store.ScalarAsync("SELECT sum(place_id) FROM station"));
    }

    [Fact]
    public async Task An_operators_unlink_and_link_survive_re_imports_and_full_passes()
    {
        await using var store = await PlacesStore.CreateAsync([OverlappingSources.Union, OverlappingSources.Hosts, OverlappingSources.Osm]);
        var queries = new PlaceQueries(store.DataSources);
        var (union, hosts) = await LinkedPairAsync(store);
        var apart = await FarRecordAsync(store, union);

        var split = await queries.DecidePairAsync(union.Id, hosts.Id, link: false, "tester", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.NotNull(split.Pair);
        var joined = await queries.DecidePairAsync(union.Id, apart, link: true, "tester", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.NotNull(joined.Pair);
        await AssertDecisionsHoldAsync();

        // Both records touched by re-imports (their rows changed), then everything matched again.
        await store.ImportAsync(OverlappingSources.Hosts, r => r with { Phone = r.Phone is null ? null : r.Phone + "0" });
        await store.ImportAsync(OverlappingSources.Union, r => r with { OpeningHours = "24/7" });
        await AssertDecisionsHoldAsync();
        await store.FullPassAsync();
        await AssertDecisionsHoldAsync();

        async Task AssertDecisionsHoldAsync()
        {
            Assert.NotEqual((await PlaceOfAsync(store, union.Id)), await PlaceOfAsync(store, hosts.Id));
            Assert.Equal(await PlaceOfAsync(store, union.Id), await PlaceOfAsync(store, apart));
        }
    }

    [Fact]
    public async Task Retiring_a_record_keeps_its_place_while_another_source_has_it()
    {
        await using var store = await PlacesStore.CreateAsync([OverlappingSources.Union, OverlappingSources.Hosts, OverlappingSources.Osm]);
        var (unionId, hostsId) = await LinkedAsync(store, OverlappingSources.Union, OverlappingSources.Hosts, all: 3);
        var union = await store.RowAsync(OverlappingSources.Union, unionId);
        var host = await store.RowAsync(OverlappingSources.Hosts, hostsId);
        Assert.Equal(union.PlaceId, host.PlaceId);
        Assert.True(union.Pin);
        Assert.False(host.Pin);

        // The union's list no longer has it: its record is retired, the place stays, the host's record is its pin.
        await store.ImportAsync(OverlappingSources.Union, r => r.ExternalId == unionId ? null : r);
        var retired = await store.RowAsync(OverlappingSources.Union, unionId);
        host = await store.RowAsync(OverlappingSources.Hosts, hostsId);
        Assert.True(retired.Retired);
        Assert.Equal(union.PlaceId, retired.PlaceId);
        Assert.Equal(union.PlaceId, host.PlaceId);
        Assert.True(host.Pin);

        // Back in the list: the same place, and the union's record is shown again.
        await store.ImportAsync(OverlappingSources.Union);
        var back = await store.RowAsync(OverlappingSources.Union, unionId);
        Assert.False(back.Retired);
        Assert.Equal(union.PlaceId, back.PlaceId);
        Assert.True(back.Pin);
        Assert.False((await store.RowAsync(OverlappingSources.Hosts, hostsId)).Pin);
    }

    [Fact]
    public async Task The_pin_follows_the_source_priority()
    {
        await using var store = await PlacesStore.CreateAsync([OverlappingSources.Union, OverlappingSources.Osm]);
        var (unionId, osmId) = await LinkedAsync(store, OverlappingSources.Union, OverlappingSources.Osm, all: 2);
        Assert.True((await store.RowAsync(OverlappingSources.Union, unionId)).Pin);
        var pins = await store.ScalarAsync("SELECT count(*) FROM station WHERE pin AND source = 'union'");

        await using (var connection = await store.Write.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await PlaceSettingsStore.SetSourceAsync(connection, transaction, new PlaceSourceSetting(OverlappingSources.Osm, 5, false), CancellationToken.None);
            await PlaceMatching.FullPassAsync(connection, transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }
        Assert.False((await store.RowAsync(OverlappingSources.Union, unionId)).Pin);
        Assert.True((await store.RowAsync(OverlappingSources.Osm, osmId)).Pin);
        Assert.True(await store.ScalarAsync("SELECT count(*) FROM station WHERE pin AND source = 'union'") < pins);
    }

    // A generated station listed by exactly `all` lists, two of them these, whose records the store put in one place.
    private static async Task<(string A, string B)> LinkedAsync(PlacesStore store, string sourceA, string sourceB, int all)
    {
        foreach (var station in PlacesStore.Records().GroupBy(r => r.Station).Where(g => g.Count() == all))
        {
            var a = station.FirstOrDefault(r => r.Source == sourceA);
            var b = station.FirstOrDefault(r => r.Source == sourceB);
            if (a is not null && b is not null
                && (await store.RowAsync(sourceA, a.Record.ExternalId)).PlaceId == (await store.RowAsync(sourceB, b.Record.ExternalId)).PlaceId)
            {
                return (a.Record.ExternalId, b.Record.ExternalId);
            }
        }
        throw new InvalidOperationException($"no station of {all} lists with {sourceA} and {sourceB} linked");
    }

    private static async Task<long> PlaceOfAsync(PlacesStore store, long id) =>
        await store.ScalarAsync($"SELECT place_id FROM station WHERE id = {id}");

    private static async Task<((long Id, long PlaceId, bool Pin, bool Retired) Union, (long Id, long PlaceId, bool Pin, bool Retired) Hosts)> LinkedPairAsync(PlacesStore store)
    {
        foreach (var station in PlacesStore.Records().GroupBy(r => r.Station).Where(g => g.Count() == 2))
        {
            var union = station.FirstOrDefault(r => r.Source == OverlappingSources.Union);
            var hosts = station.FirstOrDefault(r => r.Source == OverlappingSources.Hosts);
            if (union is null || hosts is null)
            {
                continue;
            }
            var a = await store.RowAsync(OverlappingSources.Union, union.Record.ExternalId);
            var b = await store.RowAsync(OverlappingSources.Hosts, hosts.Record.ExternalId);
            if (a.PlaceId == b.PlaceId)
            {
                return (a, b);
            }
        }
        throw new InvalidOperationException("no linked pair of the union and a host");
    }

    // A live record of OpenStreetMap kilometres away from the given one: the matcher would never link them.
    private static async Task<long> FarRecordAsync(PlacesStore store, (long Id, long PlaceId, bool Pin, bool Retired) from) =>
        await store.ScalarAsync($"""
            SELECT o.id FROM station o, station f
            WHERE f.id = {from.Id} AND o.source = 'osm' AND o.retired_at IS NULL AND ST_Distance(o.location::geography, f.location::geography) > 5000
              AND NOT EXISTS (SELECT 1 FROM station m WHERE m.place_id = o.place_id AND m.id <> o.id)
            ORDER BY o.id LIMIT 1
            """);
}
