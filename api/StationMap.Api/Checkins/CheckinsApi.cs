using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain.Checkins;
using StationMap.Domain.Geo;
using StationMap.Domain.Queries;
using StationMap.Store.Checkins;
using StationMap.Store.Stations;

namespace StationMap.Api.Checkins;

/// <summary><c>POST /api/stations/{id}/checkins</c>: one tap from someone at the station.</summary>
public static class CheckinsApi
{
    // A check-in body is a kind, an amenity, a comment of 200 characters and a position.
    private const int MaxBodyBytes = 4096;

    public static IEndpointRouteBuilder MapCheckinsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stations").WithTags("Check-ins").RequireRateLimiting(RateLimitPolicies.Lookup);
        group.MapPost("/{id:long}/checkins", AddAsync)
            .ReadsJsonBody<CheckinRequest>()
            .WithName("StationCheckin")
            .WithSummary("Tell the station's status from there: visited, open_confirmed, closed_now, closed_permanently, amenity_missing, crowded")
            .WithDescription(
                $"Anonymous: send a random device id (16-64 of A-Z a-z 0-9 - _) in the {CheckinOptions.DeviceHeader} header; only a keyed hash of it is kept. " +
                "The position (lat, lon) is used for the proximity check (Checkins:ProximityM, 300 m; farther is a 422) and never stored or logged. " +
                "One check-in per device, station and kind per hour (409 for another); per-device and per-address limits on top of the public ones (429). " +
                "With an operator key it is an operator's check-in, worth two devices. " +
                "Worst case: a station lookup (memory, else one primary-key read), and a share of one transaction with the check-ins sent at the same moment " +
                "(at most 256): an insert, the station's status derived again from at most 1,000 check-ins of the last day: ~5 ms alone.");
        return app;
    }

    internal static async Task<Results<Created<CheckinResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        long id, HttpContext context, LiveStationIndex index, StationQueries stations, CheckinStore store, DeviceKeys keys, CheckinLimits limits,
        StationStatusBoard board, IOptions<CheckinOptions> options, IOptions<RequestLimitsOptions> requestLimits, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var deviceId = context.Request.Headers[CheckinOptions.DeviceHeader].ToString();
        var operatorName = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
        if (operatorName is null && !DeviceKeys.IsWellFormed(deviceId))
        {
            return ValidationProblems.From([new(CheckinOptions.DeviceHeader,
                "is required: the device's random id, 16-64 letters, digits, '-' or '_' (made once and kept by the app)")]);
        }
        var deviceKey = operatorName is null ? keys.KeyOf(deviceId) : keys.KeyOfOperator(operatorName);
        if (limits.Refusal(context, deviceKey) is { } wait)
        {
            context.Response.Headers.RetryAfter = CheckinLimits.RetryAfter(wait);
            return TypedResults.Problem(
                title: "Too many check-ins", detail: $"This device or address has sent too many check-ins; retry after {wait} s.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        using var body = await JsonBody.ReadAsync(context.Request, MaxBodyBytes, requestLimits.Value, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }
        var parsed = CheckinParser.Parse(body.Document!.RootElement, out var problems);
        if (parsed is null)
        {
            return ValidationProblems.From(problems);
        }

        // A live station is in the index; one it does not hold (retired, unknown, or imported a moment ago) is looked up.
        double stationLat, stationLon;
        if (index.Current is { } loaded && loaded.Index.TryFind(id, out var indexed))
        {
            (stationLat, stationLon) = (indexed.Lat, indexed.Lon);
        }
        else
        {
            var station = await stations.ByIdAsync(id, cancellationToken);
            if (station is null)
            {
                return TypedResults.Problem(title: "Station not found", detail: $"No station has id {id}.", statusCode: StatusCodes.Status404NotFound);
            }
            if (station.IsRetired)
            {
                return TypedResults.Problem(
                    title: "Station no longer in service", detail: $"Station {id} has been retired; check in at one of the stations near it.",
                    statusCode: StatusCodes.Status410Gone);
            }
            (stationLat, stationLon) = (station.Record.Lat, station.Record.Lon);
        }
        var settings = options.Value;
        var near = false;
        if (parsed.Position is { } position)
        {
            var distanceM = Geodesy.DistanceMeters(position.Lat, position.Lon, stationLat, stationLon);
            if (distanceM > settings.ProximityM)
            {
                // Only how far, rounded to 100 m, goes back: never the position.
                return ValidationProblems.WithStatus(StatusCodes.Status422UnprocessableEntity, "Too far from the station",
                    [new ParameterProblem("lat", $"must be within {settings.ProximityM:0} m of the station to check in; this position is about {Math.Round(distanceM / 100) * 100:0} m away")]);
            }
            near = true;
        }

        var now = time.GetUtcNow().ToUniversalTime();
        var result = await store.AddAsync(
            new NewCheckin(id, deviceKey, parsed.Kind, parsed.Amenity, parsed.Comment, near, operatorName, now), settings.Rules, cancellationToken);
        if (result.Outcome == CheckinOutcome.Duplicate)
        {
            return TypedResults.Problem(
                title: "Already checked in", detail: $"This device told '{parsed.Kind.ToWire()}' for station {id} within the hour; once an hour counts.",
                statusCode: StatusCodes.Status409Conflict);
        }
        // The board already holds a status this check-in changed (the store sets it before answering); other processes
        // hear of it through NOTIFY.
        // A blocked device is answered as if it counted, so a script learns nothing from the answer.
        var counted = result.Outcome is CheckinOutcome.Counted or CheckinOutcome.Ignored;
        return TypedResults.Created(
            $"/api/stations/{id}",
            new CheckinResponse(id, parsed.Kind.ToWire(), counted, parsed.Comment is not null, board.Report(id, now)));
    }
}
