using Npgsql;
using StationMap.Domain;

namespace StationMap.Store.Stations;

/// <summary>The station columns every read selects, and how one row becomes a <see cref="Station"/>.</summary>
internal static class StationColumns
{
    public const string Select = """
        s.id, s.source, s.external_id, s.kind, s.name, s.address, s.district,
        ST_Y(s.location) AS lat, ST_X(s.location) AS lon, s.amenities, s.opening_hours,
        s.truck_parking_spaces, s.max_vehicle_length_m, s.hazmat_allowed, s.phone, s.host,
        s.updated_at, s.retired_at, s.opening_hours_original
        """;

    public const int Count = 19;

    public static Station Read(NpgsqlDataReader reader)
    {
        StationKinds.TryParse(reader.GetString(3), out var kind);
        var record = new StationRecord
        {
            ExternalId = reader.GetString(2),
            Kind = kind,
            Name = reader.GetString(4),
            Address = NullableString(reader, 5),
            District = NullableString(reader, 6),
            Lat = reader.GetDouble(7),
            Lon = reader.GetDouble(8),
            Amenities = Amenities.FromWire(reader.GetFieldValue<string[]>(9)),
            OpeningHours = NullableString(reader, 10),
            TruckParkingSpaces = reader.IsDBNull(11) ? null : reader.GetInt32(11),
            MaxVehicleLengthM = reader.IsDBNull(12) ? null : reader.GetDouble(12),
            HazmatAllowed = reader.GetBoolean(13),
            Phone = NullableString(reader, 14),
            Host = NullableString(reader, 15),
            OpeningHoursOriginal = NullableString(reader, 18),
        };
        return new Station(
            reader.GetInt64(0),
            reader.GetString(1),
            record,
            reader.GetFieldValue<DateTimeOffset>(16),
            reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17));
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
