using System.Globalization;
using Npgsql;
using StationMap.DemoData;
using StationMap.DemoData.Places;
using StationMap.Domain;
using StationMap.Import;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store;
using StationMap.Store.Migrations;
using StationMap.Store.Places;

namespace StationMap.Integration.Tests.Places;

/// <summary>
/// A database holding the labelled set (<c>tests/cases/places/generated.csv</c>, made again by the generator) imported
/// as its three lists through the real import pipeline, each import matched as it commits.
/// </summary>
internal sealed class PlacesStore : IAsyncDisposable
{
    public const int Stations = 1500;
    public const int Seed = 21;

    /// <summary>Priorities of the three lists: the union's record is shown first, then the host's.</summary>
    public static readonly IReadOnlyDictionary<string, int> Priorities = new Dictionary<string, int>
    {
        [OverlappingSources.Union] = 10, [OverlappingSources.Hosts] = 20, [OverlappingSources.Osm] = 30,
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "places-" + Guid.NewGuid().ToString("N"));

    private PlacesStore(string name)
    {
        Name = name;
        DataSources = new StationDataSources(ConnectionString);
        Directory.CreateDirectory(_directory);
    }

    public string Name { get; }

    public string ConnectionString => TestDatabases.ConnectionStringFor(Name);

    public StationDataSources DataSources { get; }

    public NpgsqlDataSource Write => DataSources.Write;

    public static IEnumerable<SourcedRecord> Records() =>
        OverlappingSources.Generate(Stations, OverlapProfile.Labelled, Seed, GeneratorRegion.Beijing);

    /// <summary>A new store with the settings of the lists (the host list may be GCJ-02-shifted) and the lists imported in <paramref name="order"/>.</summary>
    /// <param name="shuffle">When given, each list's rows are written in an order drawn from this seed.</param>
    public static async Task<PlacesStore> CreateAsync(IReadOnlyList<string> order, int? shuffle = null)
    {
        var store = new PlacesStore(await TestDatabases.CreateEmptyAsync("places"));
        await new SchemaMigrator(store.Write).MigrateAsync();
        await using (var connection = await store.Write.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var source in OverlappingSources.Sources)
            {
                await PlaceSettingsStore.SetSourceAsync(connection, transaction,
                    new PlaceSourceSetting(source, Priorities[source], source == OverlappingSources.MaybeGcj02), CancellationToken.None);
            }
            await transaction.CommitAsync();
        }
        foreach (var source in order)
        {
            await store.ImportAsync(source, shuffle: shuffle);
        }
        return store;
    }

    /// <summary>A full import of one list, its rows changed by <paramref name="change"/> first (null drops a row).</summary>
    public async Task<ImportResult> ImportAsync(string source, Func<StationRecord, StationRecord?>? change = null, int? shuffle = null)
    {
        var records = Records().Where(r => r.Source == source).Select(r => change is null ? r.Record : change(r.Record)).OfType<StationRecord>().ToList();
        if (shuffle is { } seed)
        {
            var random = new Random(seed * 31 + source.Length);
            records = [.. records.OrderBy(_ => random.Next())];
        }
        var file = Path.Combine(_directory, $"{source}-{Guid.NewGuid():N}.csv");
        DemoFiles.WriteCsv(records, file, StationMap.Import.Normalising.CoordinateSystem.Wgs84);
        var result = await ImportPipeline.RunAsync(Write, new ImportOptions
        {
            FilePath = file, Source = source, Format = InputFormat.Csv, Mode = ImportMode.Full,
        }, null, TimeProvider.System, CancellationToken.None);
        Assert.True(result.Committed, result.Error);
        return result;
    }

    /// <summary>The places of two live records or more, each as its records' keys, sorted: comparable across stores.</summary>
    public async Task<List<string>> PartitionAsync()
    {
        var places = new Dictionary<long, List<string>>();
        await using var command = Write.CreateCommand("SELECT place_id, source || '/' || external_id FROM station WHERE retired_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!places.TryGetValue(reader.GetInt64(0), out var keys))
            {
                places[reader.GetInt64(0)] = keys = [];
            }
            keys.Add(reader.GetString(1));
        }
        return [.. places.Values.Where(k => k.Count > 1).Select(k => string.Join(" ", k.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }

    /// <summary>A station's row as matching leaves it.</summary>
    public async Task<(long Id, long PlaceId, bool Pin, bool Retired)> RowAsync(string source, string externalId)
    {
        await using var command = Write.CreateCommand("SELECT id, place_id, pin, retired_at IS NOT NULL FROM station WHERE source = @s AND external_id = @e");
        command.Parameters.AddWithValue("s", source);
        command.Parameters.AddWithValue("e", externalId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no station {source}/{externalId}");
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2), reader.GetBoolean(3));
    }

    public async Task<PlaceMatchSummary> FullPassAsync()
    {
        await using var connection = await Write.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var summary = await PlaceMatching.FullPassAsync(connection, transaction, CancellationToken.None);
        await transaction.CommitAsync();
        return summary;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Write.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSources.DisposeAsync();
        await TestDatabases.DropAsync(Name);
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>A class fixture: the labelled set's three lists imported in the order union, hosts, OpenStreetMap.</summary>
public sealed class PlacesDatabase : IAsyncLifetime
{
    internal PlacesStore Store { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Store = await PlacesStore.CreateAsync([OverlappingSources.Union, OverlappingSources.Hosts, OverlappingSources.Osm]);

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
