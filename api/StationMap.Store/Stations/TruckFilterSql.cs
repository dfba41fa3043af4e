using Npgsql;
using NpgsqlTypes;
using StationMap.Domain.Queries;

namespace StationMap.Store.Stations;

/// <summary>The truck filters as one SQL condition on station <c>s</c>, for every query that searches stops.</summary>
internal static class TruckFilterSql
{
    // Mirrors TruckFilter.Admits: NULL spaces or length never pass a filter that asks for them.
    public const string Where = """
        (NOT @truck OR s.truck_parking_spaces > 0)
        AND (@vehicle_length_m::float8 IS NULL OR s.max_vehicle_length_m >= @vehicle_length_m::float8)
        AND (NOT @hazmat OR s.hazmat_allowed)
        """;

    public static void AddParameters(NpgsqlParameterCollection parameters, TruckFilter filter)
    {
        parameters.Add(new NpgsqlParameter<bool>("truck", filter.Truck));
        parameters.Add(new NpgsqlParameter("vehicle_length_m", NpgsqlDbType.Double) { Value = (object?)filter.VehicleLengthM ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter<bool>("hazmat", filter.Hazmat));
    }
}
