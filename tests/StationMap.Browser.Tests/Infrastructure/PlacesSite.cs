using Npgsql;
using StationMap.Domain;
using StationMap.Store.Places;
using StationMap.Store.Stations;

namespace StationMap.Browser.Tests.Infrastructure;

/// <summary>
/// The map site with two more lists near Qianmen matched as an import would: a bank branch the union and OpenStreetMap
/// both list under their own names (one place, the union's record shown), and one whose OpenStreetMap name is English
/// (queued for an operator).
/// </summary>
public sealed class PlacesSite : MapSite
{
    public const string Union = "union-list";
    public const string Osm = "osm";

    /// <summary>The hidden record of the linked pair (OpenStreetMap's), its shown one (the union's), and the queued pair.</summary>
    public long HiddenId { get; private set; }

    public long ShownId { get; private set; }

    public (long Union, long Osm) Queued { get; private set; }

    protected override async Task SeedAsync(string connectionString)
    {
        // The store's own data source: a source's first import writes PostGIS geometries.
        await using var dataSource = StationMap.Store.StationDataSources.Build(connectionString);
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await PlaceSettingsStore.SetSourceAsync(connection, transaction, new PlaceSourceSetting(Union, 10, false), CancellationToken.None);
            await transaction.CommitAsync();
        }
        await ImportAsync(dataSource, Union,
            Station("u-icbc", "中国工商银行北京前门支行 暖心驿站", 39.90000, 116.39780, "北京市东城区前门大街12号"),
            Station("u-ccb", "中国建设银行北京前门支行 暖心驿站", 39.90100, 116.39900, "北京市东城区前门东大街3号"));
        await ImportAsync(dataSource, Osm,
            Station("n-icbc", "ICBC Qianmen Branch", 39.90012, 116.39788, null),
            Station("n-ccb", "建设银行前门支行", 39.90108, 116.39905, "前门东大街3号"));
        ShownId = await IdAsync(dataSource, Union, "u-ccb");
        HiddenId = await IdAsync(dataSource, Osm, "n-ccb");
        Queued = (await IdAsync(dataSource, Union, "u-icbc"), await IdAsync(dataSource, Osm, "n-icbc"));
    }

    private static StationRecord Station(string id, string name, double lat, double lon, string? address) => new()
    {
        ExternalId = id, Kind = StationKind.WarmStation, Name = name, Lat = lat, Lon = lon, Address = address, District = "东城区",
        Amenities = Amenity.DrinkingWater | Amenity.HotWater, OpeningHours = "24/7", Host = "bank_branch",
    };

    private static async Task ImportAsync(NpgsqlDataSource dataSource, string source, params StationRecord[] records)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await StationMerge.MergeAsync(connection, transaction, source, records, retireMissing: true, CancellationToken.None);
        await PlaceMatching.AfterImportAsync(connection, transaction, source, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static async Task<long> IdAsync(NpgsqlDataSource dataSource, string source, string externalId)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM station WHERE source = $1 AND external_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = externalId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
