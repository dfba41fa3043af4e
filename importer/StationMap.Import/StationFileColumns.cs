using System.Globalization;
using StationMap.Domain;
using StationMap.Import.Reading;

namespace StationMap.Import;

/// <summary>
/// The columns of a station file as the importer reads them, in the order our own files write them (the demo and
/// benchmark files, the API's exports), with each station's value: a file written this way imports back to the same
/// stations. Hours are written as the source wrote them when the importer rewrote them (工作日 9:00-17:00, not
/// Mo-Fr 09:00-17:00; PH off), so the next import reads the same text again.
/// </summary>
public static class StationFileColumns
{
    public static IReadOnlyList<ImportField> Fields { get; } =
    [
        ImportField.ExternalId, ImportField.Name, ImportField.Kind, ImportField.Lat, ImportField.Lon, ImportField.Address,
        ImportField.District, ImportField.Amenities, ImportField.OpeningHours, ImportField.Phone, ImportField.Host,
        ImportField.TruckParkingSpaces, ImportField.MaxVehicleLengthM, ImportField.HazmatAllowed,
    ];

    /// <summary>Whether the column holds numbers (spreadsheets and GeoJSON write them as numbers, not text).</summary>
    public static bool IsNumber(ImportField field) =>
        field is ImportField.Lat or ImportField.Lon or ImportField.TruckParkingSpaces or ImportField.MaxVehicleLengthM;

    /// <summary>
    /// The column's value for <paramref name="r"/> as text, null when empty. Numbers are the shortest text that reads
    /// back as the same double; amenities their wire names joined by ';'; hazmat true or false.
    /// </summary>
    public static string? Text(StationRecord r, ImportField field) => field switch
    {
        ImportField.ExternalId => r.ExternalId,
        ImportField.Name => r.Name,
        ImportField.Kind => r.Kind.ToWire(),
        ImportField.Lat => r.Lat.ToString("R", CultureInfo.InvariantCulture),
        ImportField.Lon => r.Lon.ToString("R", CultureInfo.InvariantCulture),
        ImportField.Address => r.Address,
        ImportField.District => r.District,
        ImportField.Amenities => r.Amenities == Amenity.None ? null : string.Join(';', Amenities.ToWire(r.Amenities)),
        ImportField.OpeningHours => r.OpeningHoursOriginal ?? r.OpeningHours,
        ImportField.Phone => r.Phone,
        ImportField.Host => r.Host,
        ImportField.TruckParkingSpaces => r.TruckParkingSpaces?.ToString(CultureInfo.InvariantCulture),
        ImportField.MaxVehicleLengthM => r.MaxVehicleLengthM?.ToString("R", CultureInfo.InvariantCulture),
        ImportField.HazmatAllowed => r.HazmatAllowed ? "true" : "false",
        _ => null,
    };
}
