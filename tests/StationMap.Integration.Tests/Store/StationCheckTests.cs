using Npgsql;
using NpgsqlTypes;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Store;

/// <summary>
/// Migration 0014 rewrote the station table's CHECK constraints in cheaper forms. Each rule must accept and refuse
/// exactly what the original form (migration 0001, quoted here) did: every case is judged by the original expression
/// and by an insert into the table, and the two must agree. The cases are the edges: bounds, just past them, NaN,
/// blanks of every kind, NULL array elements.
/// </summary>
public sealed class StationCheckTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private const string OriginalAmenities = """
        @amenities <@ ARRAY['drinking_water', 'hot_water', 'microwave', 'phone_charging', 'toilet', 'seating',
                            'air_conditioning', 'heating', 'first_aid', 'wifi', 'truck_parking', 'shower',
                            'refrigerator', 'repair_kit', 'reading_corner', 'lockers']
        """;

    public static TheoryData<double, double> Locations => new()
    {
        { 116.4, 39.9 }, { 180, 90 }, { -180, -90 }, { 180.00000000001, 0 }, { -180.00000000001, 0 }, { 0, 90.00000000001 },
        { 0, -90.00000000001 }, { 179.99999999999, 89.99999999999 }, { -0.0, -0.0 }, { double.NaN, 0 }, { 0, double.NaN },
        { double.PositiveInfinity, 0 }, { 0, double.NegativeInfinity }, { double.MaxValue, 0 },
    };

    public static TheoryData<string> Texts => new() { "a", "", " ", "   ", " a ", "\t", "\u3000", "驿站", "\n" };

    public static TheoryData<string?[]> AmenityLists => new(new string?[][]
    {
        [], ["wifi"], ["wifi", "wifi"], ["lockers", "drinking_water", "toilet"], ["Wifi"], ["wifi "], ["bakery"],
        ["wifi", "bakery"], [""], ["wifi", null], [null],
    });

    [Theory]
    [MemberData(nameof(Locations))]
    public async Task The_location_check_accepts_what_the_original_accepted(double lon, double lat)
    {
        var original = await OriginalAsync(
            "ST_X(p) BETWEEN -180 AND 180 AND ST_Y(p) BETWEEN -90 AND 90",
            new NpgsqlParameter<double>("lon", lon), new NpgsqlParameter<double>("lat", lat));
        Assert.Equal(original, await InsertAcceptedAsync(lon: lon, lat: lat));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task The_blank_checks_accept_what_the_originals_accepted(string text)
    {
        var original = await OriginalAsync("length(btrim(@text)) > 0", new NpgsqlParameter<string>("text", text));
        Assert.Equal(original, await InsertAcceptedAsync(source: text));
        Assert.Equal(original, await InsertAcceptedAsync(externalId: text));
        Assert.Equal(original, await InsertAcceptedAsync(name: text));
    }

    [Theory]
    [MemberData(nameof(AmenityLists))]
    public async Task The_amenity_check_accepts_what_the_original_accepted(string?[] amenities)
    {
        var original = await OriginalAsync(OriginalAmenities, Amenities(amenities));
        Assert.Equal(original, await InsertAcceptedAsync(amenities: amenities));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100000)]
    [InlineData(-1)]
    [InlineData(100001)]
    public async Task The_truck_space_checks_accept_what_the_originals_accepted(int spaces)
    {
        var original = await OriginalAsync("@spaces >= 0 AND @spaces BETWEEN 0 AND 100000", new NpgsqlParameter<int>("spaces", spaces));
        Assert.Equal(original, await InsertAcceptedAsync(truckParkingSpaces: spaces));
    }

    [Fact]
    public async Task The_key_still_refuses_a_second_station_with_the_same_source_and_external_id()
    {
        await using var connection = await database.DataSources.Write.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertAsync(connection, transaction, "check-key", "k-1", "n", 116.4, 39.9, [], null);
        var second = await Assert.ThrowsAsync<PostgresException>(
            () => InsertAsync(connection, transaction, "check-key", "k-1", "n", 116.5, 39.8, [], null));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, second.SqlState);
    }

    /// <summary>True when the original expression holds or is NULL (a CHECK refuses only false).</summary>
    private async Task<bool> OriginalAsync(string expression, params NpgsqlParameter[] parameters)
    {
        // p: the point the insert makes of @lon and @lat, for the location rule.
        await using var command = database.DataSources.Write.CreateCommand(
            $"SELECT ({expression}) IS NOT FALSE FROM (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) AS p) AS point");
        command.Parameters.AddRange(parameters);
        if (!parameters.Any(p => p.ParameterName == "lon"))
        {
            command.Parameters.Add(new NpgsqlParameter<double>("lon", 0.0));
            command.Parameters.Add(new NpgsqlParameter<double>("lat", 0.0));
        }
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Whether the station table takes a row with these values (the rest valid); nothing is kept.</summary>
    private async Task<bool> InsertAcceptedAsync(
        string source = "check-test", string externalId = "c-1", string name = "驿站", double lon = 116.4, double lat = 39.9,
        string?[]? amenities = null, int? truckParkingSpaces = null)
    {
        await using var connection = await database.DataSources.Write.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await InsertAsync(connection, transaction, source, externalId, name, lon, lat, amenities ?? [], truckParkingSpaces);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            return false;
        }
    }

    private static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, string externalId, string name,
        double lon, double lat, string?[] amenities, int? truckParkingSpaces)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO station (source, external_id, kind, name, location, amenities, truck_parking_spaces)
            VALUES (@source, @external_id, 'warm_station', @name, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @amenities, @spaces)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("source", source));
        command.Parameters.Add(new NpgsqlParameter<string>("external_id", externalId));
        command.Parameters.Add(new NpgsqlParameter<string>("name", name));
        command.Parameters.Add(new NpgsqlParameter<double>("lon", lon));
        command.Parameters.Add(new NpgsqlParameter<double>("lat", lat));
        command.Parameters.Add(Amenities(amenities));
        command.Parameters.Add(new NpgsqlParameter("spaces", NpgsqlDbType.Integer) { Value = (object?)truckParkingSpaces ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlParameter Amenities(string?[] amenities) =>
        new("amenities", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = amenities };
}
