using StationMap.Domain;
using StationMap.Domain.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// What people at the station have said lately, as every answer carries it: absent when nothing is on. Each state
/// needs two independent devices (or an operator); see README, "Check-ins".
/// </summary>
/// <param name="LastConfirmedAt">The latest time at least two devices confirmed it open or rested there within a day.</param>
/// <param name="ReportedClosed">At least two devices reported it closed within 24 h and nobody confirmed it open since.</param>
/// <param name="ClosedReporters">How many reported it closed (an operator counts as two); 0 when not reported closed.</param>
/// <param name="MissingAmenities">Amenities at least two devices reported missing within 24 h.</param>
/// <param name="Crowded">At least two devices reported it crowded within 2 h.</param>
public sealed record StatusReport(DateTimeOffset? LastConfirmedAt, bool ReportedClosed, int ClosedReporters, string[] MissingAmenities, bool Crowded)
{
    public static StatusReport? Of(StationStatus status, DateTimeOffset now)
    {
        if (!status.AnyAt(now))
        {
            return null;
        }
        var closed = status.IsReportedClosed(now);
        return new StatusReport(
            status.IsConfirmed(now) ? status.LastConfirmedAt : null, closed, closed ? status.ClosedReporters : 0,
            [.. status.MissingAt(now).SelectMany(a => Amenities.ToWire(a))], status.IsCrowded(now));
    }
}
