using Npgsql;

namespace StationMap.Integration.Tests.Trucks;

/// <summary>
/// A station as the truck references see it, read straight from the table; its filter is written out here again
/// rather than borrowed from the API, so that a wrong filter in either place fails a test.
/// </summary>
public sealed record TruckStation(long Id, string ExternalId, double Lat, double Lon, int? Spaces, double? MaxLengthM, bool Hazmat, bool Retired)
{
    public static async Task<IReadOnlyList<TruckStation>> LoadAllAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, external_id, ST_Y(location), ST_X(location), truck_parking_spaces, max_vehicle_length_m, hazmat_allowed,
                   retired_at IS NOT NULL
            FROM station
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var all = new List<TruckStation>();
        while (await reader.ReadAsync())
        {
            all.Add(new TruckStation(
                reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetBoolean(6), reader.GetBoolean(7)));
        }
        return all;
    }

    /// <summary>truck=true: some truck spaces; vehicleLengthM: a known longest bay at least that long; hazmat=true: allowed.</summary>
    public bool Fits(bool truck, double? vehicleLengthM, bool hazmat)
    {
        if (Retired)
        {
            return false;
        }
        if (truck && (Spaces is null || Spaces.Value == 0))
        {
            return false;
        }
        if (vehicleLengthM is not null && (MaxLengthM is null || MaxLengthM.Value < vehicleLengthM.Value))
        {
            return false;
        }
        return !hazmat || Hazmat;
    }
}
