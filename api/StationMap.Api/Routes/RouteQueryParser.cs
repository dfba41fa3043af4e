using System.Globalization;
using System.Text.Json;
using StationMap.Api.Infrastructure;
using static StationMap.Api.Infrastructure.JsonBodyValues;
using StationMap.Domain.Geo;
using StationMap.Domain.Routes;
using StationMap.Domain.Queries;

namespace StationMap.Api.Routes;

/// <summary>
/// Builds a <see cref="RouteQuery"/> from a JSON body <c>{ "route": LineString | Feature, "corridorM", "truck",
/// "vehicleLengthM", "hazmat", "limit" }</c>, or says what is wrong with it, naming each field at fault.
/// </summary>
public static class RouteQueryParser
{
    // A body with thousands of bad positions does not need thousands of messages.
    private const int MaxPositionProblems = 5;

    public static RouteQuery? Parse(JsonElement body, out IReadOnlyList<ParameterProblem> problems)
    {
        var found = new List<ParameterProblem>();
        problems = found;
        if (body.ValueKind != JsonValueKind.Object)
        {
            found.Add(new("body", $"must be a JSON object with a route, got {Describe(body)}"));
            return null;
        }
        JsonFields.ReportUnknown(body, RouteStopsRequest.Fields, StringComparer.Ordinal, found);
        var route = Route(body, found);
        var corridor = Number(body, "corridorM", RouteQuery.MinCorridorM, RouteQuery.MaxCorridorM, minExclusive: false, found)
            ?? RouteQuery.DefaultCorridorM;
        var truck = Bool(body, "truck", found);
        var length = Number(body, "vehicleLengthM", 0, TruckFilter.MaxVehicleLengthM, minExclusive: true, found);
        var hazmat = Bool(body, "hazmat", found);
        var limit = Integer(body, "limit", 1, RouteQuery.MaxLimit, found) ?? RouteQuery.DefaultLimit;
        if (found.Count > 0 || route is null)
        {
            return null;
        }
        return new RouteQuery { Route = route, CorridorM = corridor, Truck = new TruckFilter(truck, length, hazmat), Limit = limit };
    }

    private static List<LatLon>? Route(JsonElement body, List<ParameterProblem> found)
    {
        if (!body.TryGetProperty("route", out var route) || route.ValueKind == JsonValueKind.Null)
        {
            found.Add(new("route", "is required: a GeoJSON LineString in WGS-84 (or a Feature with one)"));
            return null;
        }
        if (route.ValueKind == JsonValueKind.Object && TypeOf(route) == "Feature" && route.TryGetProperty("geometry", out var geometry))
        {
            route = geometry;
        }
        if (route.ValueKind != JsonValueKind.Object || TypeOf(route) != "LineString")
        {
            var type = route.ValueKind == JsonValueKind.Object ? $"type '{TypeOf(route)}'" : Describe(route);
            found.Add(new("route", $"must be a GeoJSON LineString (or a Feature with one), got {type}"));
            return null;
        }
        if (!route.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            found.Add(new("route.coordinates", "is required: an array of [longitude, latitude] positions"));
            return null;
        }
        var count = coordinates.GetArrayLength();
        if (count < RouteQuery.MinPositions || count > RouteQuery.MaxPositions)
        {
            found.Add(new("route", $"must have {RouteQuery.MinPositions} to {RouteQuery.MaxPositions} positions, got {count}"));
            return null;
        }
        var positions = new List<LatLon>(count);
        var bad = 0;
        var index = 0;
        foreach (var position in coordinates.EnumerateArray())
        {
            if (Position(position, index, out var reason) is { } valid)
            {
                positions.Add(valid);
            }
            else if (++bad <= MaxPositionProblems)
            {
                found.Add(new("route.coordinates", reason));
            }
            index++;
        }
        if (bad > MaxPositionProblems)
        {
            found.Add(new("route.coordinates", $"… and {bad - MaxPositionProblems} more bad position(s)"));
        }
        if (bad > 0)
        {
            return null;
        }
        if (positions.Distinct().Count() < 2)
        {
            found.Add(new("route", "must have at least 2 distinct positions"));
            return null;
        }
        var lengthM = 0.0;
        for (var i = 1; i < positions.Count; i++)
        {
            lengthM += Geodesy.DistanceMeters(positions[i - 1].Lat, positions[i - 1].Lon, positions[i].Lat, positions[i].Lon);
        }
        if (lengthM > RouteQuery.MaxLengthM)
        {
            found.Add(new("route", $"must be at most {RouteQuery.MaxLengthM / 1000:0} km long, got {Format(lengthM / 1000)} km"));
            return null;
        }
        return positions;
    }

    private static LatLon? Position(JsonElement position, int index, out string reason)
    {
        reason = "";
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
        {
            reason = $"position {index} must be [longitude, latitude], got {Describe(position)}";
            return null;
        }
        if (!FiniteNumber(position[0], out var lon) || !FiniteNumber(position[1], out var lat))
        {
            reason = $"position {index} must hold two finite numbers, got {Truncate(position.GetRawText())}";
            return null;
        }
        if (lon < -180 || lon > 180)
        {
            reason = $"position {index} has longitude {Format(lon)}, outside -180..180";
            return null;
        }
        if (lat < -90 || lat > 90)
        {
            reason = $"position {index} has latitude {Format(lat)}, outside -90..90 (GeoJSON is [longitude, latitude])";
            return null;
        }
        return new LatLon(lat, lon);
    }

    private static string? TypeOf(JsonElement geoJson) =>
        geoJson.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
}
