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
    public static void Write(CopyRowWriter writer, StationRecord r, bool locationAsGeometry)
    {
        writer.Write(r.ExternalId);
        writer.Write(r.Kind.ToWire());
        writer.Write(r.Name);
        writer.WriteOrNull(r.Address);
        writer.WriteOrNull(r.District);
        if (locationAsGeometry)
        {
            writer.WritePoint(r.Lon, r.Lat, 4326);
        }
        else
        {
            writer.Write(r.Lon);
            writer.Write(r.Lat);
        }
        writer.Write(Amenities.ToWire(r.Amenities));
        writer.WriteOrNull(r.OpeningHours);
        writer.WriteOrNull(r.OpeningHoursOriginal);
        writer.WriteOrNull(r.TruckParkingSpaces);
        writer.WriteOrNull(r.MaxVehicleLengthM);
        writer.Write(r.HazmatAllowed);
        writer.WriteOrNull(r.Phone);
        writer.WriteOrNull(r.Host);
    }
}
