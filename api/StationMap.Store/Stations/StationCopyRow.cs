using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using StationMap.Domain;
using StationMap.Store.Merging;

namespace StationMap.Store.Stations;

/// <summary>
/// A station's content as binary COPY columns, in the order of the merge's staging table and of the bulk load's COPY: external_id, kind, name,
/// address, district, the location (lon, lat or one geometry), amenities, opening_hours, opening_hours_original,
/// truck_parking_spaces, max_vehicle_length_m, hazmat_allowed, phone, host.
/// </summary>
internal static class StationCopyRow
{
    public static void Write(NpgsqlBinaryImporter writer, StationRecord r, bool locationAsGeometry)
    {
        writer.Write(r.ExternalId, NpgsqlDbType.Text);
        writer.Write(r.Kind.ToWire(), NpgsqlDbType.Text);
        writer.Write(r.Name, NpgsqlDbType.Text);
        writer.WriteOrNull(r.Address);
        writer.WriteOrNull(r.District);
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
        writer.WriteOrNull(r.OpeningHours);
        writer.WriteOrNull(r.OpeningHoursOriginal);
        writer.WriteOrNull(r.TruckParkingSpaces, NpgsqlDbType.Integer);
        writer.WriteOrNull(r.MaxVehicleLengthM, NpgsqlDbType.Double);
        writer.Write(r.HazmatAllowed, NpgsqlDbType.Boolean);
        writer.WriteOrNull(r.Phone);
        writer.WriteOrNull(r.Host);
    }
}
