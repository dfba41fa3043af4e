using System.Text.Json;
using StationMap.Api.Infrastructure;
using StationMap.Domain;
using StationMap.Domain.Checkins;
using StationMap.Domain.Geo;
using StationMap.Domain.Queries;
using static StationMap.Api.Infrastructure.JsonBodyValues;

namespace StationMap.Api.Checkins;

/// <summary>A check-in body once read: what it says and where it was sent from (used for the proximity check only).</summary>
public sealed record ParsedCheckin(CheckinKind Kind, Amenity Amenity, string? Comment, LatLon? Position);

/// <summary>Reads a <see cref="CheckinRequest"/> body, naming each field at fault.</summary>
public static class CheckinParser
{
    public static ParsedCheckin? Parse(JsonElement body, out IReadOnlyList<ParameterProblem> problems)
    {
        var found = new List<ParameterProblem>();
        problems = found;
        if (body.ValueKind != JsonValueKind.Object)
        {
            found.Add(new("body", $"must be a JSON object with a kind, got {Describe(body)}"));
            return null;
        }
        JsonFields.ReportUnknown(body, CheckinRequest.Fields, StringComparer.Ordinal, found);
        var kindText = Text(body, "kind", 40, found);
        var kind = CheckinKind.Visited;
        if (kindText is null && !found.Any(p => p.Parameter == "kind"))
        {
            found.Add(new("kind", $"is required: one of {string.Join(", ", CheckinKinds.WireNames)}"));
        }
        else if (kindText is not null && !CheckinKinds.TryParse(kindText, out kind))
        {
            found.Add(new("kind", $"must be one of {string.Join(", ", CheckinKinds.WireNames)}, got '{Truncate(kindText)}'"));
        }
        var amenityText = Text(body, "amenity", 40, found);
        var amenity = Amenity.None;
        if (kind == CheckinKind.AmenityMissing && kindText is not null)
        {
            if (amenityText is null)
            {
                found.Add(new("amenity", "is required with amenity_missing: which amenity is missing"));
            }
            else if (!Amenities.TryParse(amenityText, out amenity))
            {
                found.Add(new("amenity", $"must be one of {string.Join(", ", Amenities.WireNames)}, got '{Truncate(amenityText)}'"));
            }
        }
        else if (amenityText is not null)
        {
            found.Add(new("amenity", "goes with kind amenity_missing only"));
        }
        var comment = Text(body, "comment", CommentScreen.MaxLength, found)?.Trim();
        if (comment is { Length: > 0 } && CommentScreen.Refusal(comment) is { } refusal)
        {
            found.Add(new("comment", refusal));
        }
        var lat = Number(body, "lat", -90, 90, minExclusive: false, found);
        var lon = Number(body, "lon", -180, 180, minExclusive: false, found);
        if ((lat is null) != (lon is null) && !found.Any(p => p.Parameter is "lat" or "lon"))
        {
            found.Add(new(lat is null ? "lat" : "lon", "lat and lon go together"));
        }
        if (found.Count > 0)
        {
            return null;
        }
        return new ParsedCheckin(kind, amenity, comment is { Length: > 0 } ? comment : null, lat is { } y && lon is { } x ? new LatLon(y, x) : null);
    }
}
