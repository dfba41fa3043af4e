using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;

namespace StationMap.Store.Stations;

/// <summary>
/// A station's content as binary COPY columns, in the order both COPY statements list them: external_id, kind, name,
/// address, district, the location (lon, lat or one geometry), amenities, opening_hours, truck_parking_spaces,
/// max_vehicle_length_m, hazmat_allowed, phone, host.
/// </summary>
internal static class StationCopyRow
{
    // Synchronous writes: they only fill Npgsql's buffer (a send happens when it is full), and awaiting each of
    // fourteen columns cost more than the row itself on a million-row import.
    public static void Write(NpgsqlBinaryImporter writer, StationRecord r, bool locationAsGeometry)
    {
        writer.Write(r.ExternalId, NpgsqlDbType.Text);
        writer.Write(r.Kind.ToWire(), NpgsqlDbType.Text);
        writer.Write(r.Name, NpgsqlDbType.Text);
        WriteNullable(writer, r.Address);
        WriteNullable(writer, r.District);
        if (locationAsGeometry)
        {
            writer.Write(new Point(r.Lon, r.Lat) { SRID = 4326 }, NpgsqlDbType.Geometry);
        }
        else
        {
            writer.Write(r.Lon, NpgsqlDbType.Double);
            writer.Write(r.Lat, NpgsqlDbType.Double);
        }
        writer.Write(Amenities.ToWire(r.Amenities), NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteNullable(writer, r.OpeningHours);
        WriteNullable(writer, r.TruckParkingSpaces, NpgsqlDbType.Integer);
        WriteNullable(writer, r.MaxVehicleLengthM, NpgsqlDbType.Double);
        writer.Write(r.HazmatAllowed, NpgsqlDbType.Boolean);
        WriteNullable(writer, r.Phone);
        WriteNullable(writer, r.Host);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }
}
