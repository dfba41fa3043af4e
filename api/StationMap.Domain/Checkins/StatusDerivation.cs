namespace StationMap.Domain.Checkins;

/// <summary>
/// Derives a station's <see cref="StationStatus"/> from its recent counted check-ins. Every state needs
/// <see cref="StatusRules.MinReporters"/> distinct voters (an operator counts as that many), and a voter's latest word
/// is the one that counts: a device that reported the station closed and later rested there no longer counts as a
/// closer. Closed lasts until the reports that made it lapse, or until it is confirmed open again by as many people.
/// </summary>
public static class StatusDerivation
{
    /// <param name="evidence">The station's counted check-ins of at least the last <see cref="StatusRules.Lookback"/>.</param>
    /// <param name="previous">The stored status: its confirmation is kept while shown, as older evidence is not reloaded.</param>
    public static StationStatus Derive(IEnumerable<StatusEvidence> evidence, StationStatus previous, DateTimeOffset now, StatusRules rules)
    {
        var recent = evidence.Where(e => e.At <= now && e.At > now - rules.Lookback).OrderBy(e => e.At).ToList();

        var confirmedAt = LatestAgreement(recent.Where(e => e.Kind.ConfirmsOpen()).ToList(), rules.ConfirmWindow, rules.MinReporters);
        if (previous.LastConfirmedAt is { } kept && previous.ConfirmedUntil > now && (confirmedAt is null || kept > confirmedAt))
        {
            confirmedAt = kept;
        }

        // Each voter's latest word on open or closed within the window; the closers among them.
        var closers = LatestPerVoter(recent.Where(e => e.At > now - rules.ClosedWindow && (e.Kind.ConfirmsOpen() || e.Kind.ReportsClosed())))
            .Where(e => e.Kind.ReportsClosed()).ToList();
        var closedSince = AgreedSince(closers, rules.MinReporters);
        var closedUntil = AgreedUntil(closers, rules.ClosedWindow, rules.MinReporters);
        if (closedSince is null || confirmedAt > closedSince)
        {
            closedSince = null;
            closedUntil = null;
        }

        var missing = new Dictionary<Amenity, DateTimeOffset>();
        foreach (var group in recent.Where(e => e.Kind == CheckinKind.AmenityMissing && e.At > now - rules.AmenityWindow).GroupBy(e => e.Amenity))
        {
            if (AgreedUntil(LatestPerVoter(group).ToList(), rules.AmenityWindow, rules.MinReporters) is { } until)
            {
                missing[group.Key] = until;
            }
        }

        return new StationStatus
        {
            LastConfirmedAt = confirmedAt,
            ConfirmedUntil = confirmedAt + rules.ConfirmShownFor,
            ClosedReporters = closedSince is null ? 0 : closers.Sum(c => Weight(c, rules.MinReporters)),
            ClosedSince = closedSince,
            ClosedUntil = closedUntil,
            MissingAmenities = missing,
            CrowdedUntil = AgreedUntil(
                LatestPerVoter(recent.Where(e => e.Kind == CheckinKind.Crowded && e.At > now - rules.CrowdedWindow)).ToList(),
                rules.CrowdedWindow, rules.MinReporters),
        };
    }

    private static int Weight(StatusEvidence e, int min) => e.ByOperator ? min : 1;

    private static IEnumerable<StatusEvidence> LatestPerVoter(IEnumerable<StatusEvidence> items) =>
        items.GroupBy(e => e.Voter).Select(g => g.MaxBy(e => e.At)!);

    // The latest instant at which voters worth min agree within window ending there (items in time order).
    private static DateTimeOffset? LatestAgreement(List<StatusEvidence> items, TimeSpan window, int min)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var end = items[i].At;
            var weight = LatestPerVoter(items.Where(e => e.At <= end && e.At > end - window)).Sum(e => Weight(e, min));
            if (weight >= min)
            {
                return end;
            }
        }
        return null;
    }

    // When the reports (one per voter) first added up to min, oldest first; null when they never do.
    private static DateTimeOffset? AgreedSince(List<StatusEvidence> reports, int min)
    {
        var weight = 0;
        foreach (var r in reports.OrderBy(r => r.At))
        {
            weight += Weight(r, min);
            if (weight >= min)
            {
                return r.At;
            }
        }
        return null;
    }

    // When the agreement lapses: the newest reports that still add up to min, plus the window; null when they never do.
    private static DateTimeOffset? AgreedUntil(List<StatusEvidence> reports, TimeSpan window, int min)
    {
        var weight = 0;
        foreach (var r in reports.OrderByDescending(r => r.At))
        {
            weight += Weight(r, min);
            if (weight >= min)
            {
                return r.At + window;
            }
        }
        return null;
    }
}
