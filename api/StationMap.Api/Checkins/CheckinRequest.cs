using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using StationMap.Api.Infrastructure;
using StationMap.Domain.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// The body of <c>POST /api/stations/{id}/checkins</c> as the OpenAPI document shows it; <see cref="CheckinParser"/>
/// reads it field by field and takes its list of fields from here.
/// </summary>
public sealed record CheckinRequest(
    [property: Required, Description("visited (I am resting here), open_confirmed, closed_now, closed_permanently, amenity_missing or crowded.")]
    string Kind,
    [property: Description("With amenity_missing only: which amenity is missing (hot_water, toilet, ...).")]
    string? Amenity = null,
    [property: MaxLength(CommentScreen.MaxLength), Description("A short note for the station's page, shown only after moderation; no links or phone numbers.")]
    string? Comment = null,
    [property: Range(-90, 90), Description("Where the sender is (WGS-84), for the proximity check only: never stored or logged. Without it the check-in counts only for a device with history.")]
    double? Lat = null,
    [property: Range(-180, 180), Description("Longitude of the sender, with lat.")]
    double? Lon = null)
{
    public static readonly IReadOnlyList<string> Fields = JsonFields.Of<CheckinRequest>();
}
