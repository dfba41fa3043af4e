using StationMap.Domain;
using StationMap.Domain.Checkins;

namespace StationMap.Domain.Tests.Checkins;

/// <summary>The status rules, checked against a brute-force reading of their definition over random check-ins.</summary>
public sealed class StatusDerivationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly StatusRules Rules = new();

    private static StatusEvidence E(string voter, double hours, CheckinKind kind, Amenity amenity = Amenity.None, bool op = false) =>
        new(voter, T0.AddHours(hours), kind, amenity, op);

    [Fact]
    public void One_voice_is_never_enough_for_any_state()
    {
        var now = T0.AddHours(1);
        foreach (var kind in Enum.GetValues<CheckinKind>())
        {
            var status = StatusDerivation.Derive([E("a", 0, kind, kind == CheckinKind.AmenityMissing ? Amenity.HotWater : Amenity.None)], StationStatus.None, now, Rules);
            Assert.False(status.AnyAt(now), kind.ToString());
        }
    }

    [Fact]
    public void The_same_device_twice_is_one_voice()
    {
        var now = T0.AddHours(3);
        var status = StatusDerivation.Derive([E("a", 0, CheckinKind.ClosedNow), E("a", 2, CheckinKind.ClosedNow)], StationStatus.None, now, Rules);
        Assert.False(status.IsReportedClosed(now));
    }

    [Fact]
    public void Two_closers_close_it_until_a_day_after_the_second_and_an_operator_alone_does_too()
    {
        var status = StatusDerivation.Derive([E("a", 0, CheckinKind.ClosedNow), E("b", 5, CheckinKind.ClosedPermanently)], StationStatus.None, T0.AddHours(6), Rules);
        Assert.Equal(T0.AddHours(5), status.ClosedSince);
        // The older report lapses first: the two agree until a day after the older one.
        Assert.Equal(T0.AddHours(24), status.ClosedUntil);
        Assert.Equal(2, status.ClosedReporters);

        var byOperator = StatusDerivation.Derive([E("op", 0, CheckinKind.ClosedNow, op: true)], StationStatus.None, T0.AddMinutes(1), Rules);
        Assert.True(byOperator.IsReportedClosed(T0.AddMinutes(1)));
    }

    [Fact]
    public void Confirmations_by_two_after_the_closure_clear_it_one_does_not()
    {
        List<StatusEvidence> evidence = [E("a", 0, CheckinKind.ClosedNow), E("b", 1, CheckinKind.ClosedNow), E("c", 2, CheckinKind.OpenConfirmed)];
        Assert.True(StatusDerivation.Derive(evidence, StationStatus.None, T0.AddHours(3), Rules).IsReportedClosed(T0.AddHours(3)));
        evidence.Add(E("d", 3, CheckinKind.Visited));
        var cleared = StatusDerivation.Derive(evidence, StationStatus.None, T0.AddHours(4), Rules);
        Assert.False(cleared.IsReportedClosed(T0.AddHours(4)));
        Assert.Equal(T0.AddHours(3), cleared.LastConfirmedAt);
    }

    [Fact]
    public void A_kept_confirmation_survives_its_evidence_leaving_the_window_until_it_is_no_longer_shown()
    {
        var first = StatusDerivation.Derive([E("a", 0, CheckinKind.Visited), E("b", 1, CheckinKind.Visited)], StationStatus.None, T0.AddHours(1), Rules);
        var later = StatusDerivation.Derive([E("c", 50, CheckinKind.ClosedNow)], first, T0.AddHours(50), Rules);
        Assert.Equal(T0.AddHours(1), later.LastConfirmedAt);
        Assert.True(later.IsConfirmed(T0.AddDays(6)));
        Assert.False(later.IsConfirmed(T0.AddDays(7).AddHours(2)));
    }

    [Fact]
    public void Random_check_ins_agree_with_a_brute_force_reading_of_the_rules()
    {
        var random = new Random(1818);
        for (var trial = 0; trial < 2000; trial++)
        {
            var evidence = new List<StatusEvidence>();
            var count = random.Next(0, 12);
            for (var i = 0; i < count; i++)
            {
                var kind = (CheckinKind)random.Next(6);
                var op = random.Next(20) == 0;
                evidence.Add(E((op ? "op" : "v") + random.Next(5), random.NextDouble() * 30, kind,
                    kind == CheckinKind.AmenityMissing ? (random.Next(2) == 0 ? Amenity.HotWater : Amenity.Toilet) : Amenity.None, op));
            }
            var now = T0.AddHours(30);
            var status = StatusDerivation.Derive(evidence, StationStatus.None, now, Rules);
            Assert.True(BruteClosed(evidence, now) == status.IsReportedClosed(now), $"trial {trial}: closed");
            foreach (var amenity in new[] { Amenity.HotWater, Amenity.Toilet })
            {
                Assert.True(BruteCount(evidence.Where(e => e.Kind == CheckinKind.AmenityMissing && e.Amenity == amenity), now, Rules.AmenityWindow) >= 2
                    == status.MissingAt(now).Contains(amenity), $"trial {trial}: {amenity}");
            }
            Assert.True(BruteCount(evidence.Where(e => e.Kind == CheckinKind.Crowded), now, Rules.CrowdedWindow) >= 2 == status.IsCrowded(now), $"trial {trial}: crowded");
        }
    }

    // Distinct voters (an operator counts 2) among the items within window before now.
    private static int BruteCount(IEnumerable<StatusEvidence> items, DateTimeOffset now, TimeSpan window) =>
        items.Where(e => e.At > now - window && e.At <= now).GroupBy(e => e.Voter).Sum(g => g.Any(e => e.ByOperator) ? 2 : 1);

    // Closed now: voters whose latest open/closed word of the last day is "closed" add up to 2, and no two voters
    // confirmed it open (within a day of each other) after the moment the closers first added up to 2.
    private static bool BruteClosed(List<StatusEvidence> evidence, DateTimeOffset now)
    {
        var words = evidence.Where(e => e.At > now - Rules.ClosedWindow && e.At <= now && (e.Kind.ConfirmsOpen() || e.Kind.ReportsClosed()))
            .GroupBy(e => e.Voter).Select(g => g.MaxBy(e => e.At)!).Where(e => e.Kind.ReportsClosed()).OrderBy(e => e.At).ToList();
        DateTimeOffset? since = null;
        var weight = 0;
        foreach (var w in words)
        {
            weight += w.ByOperator ? 2 : 1;
            if (weight >= 2)
            {
                since = w.At;
                break;
            }
        }
        if (since is null)
        {
            return false;
        }
        var confirmations = evidence.Where(e => e.Kind.ConfirmsOpen() && e.At <= now && e.At > now - Rules.Lookback).ToList();
        return !confirmations.Any(c => c.At > since && BruteCount(confirmations.Where(x => x.At <= c.At), c.At, Rules.ConfirmWindow) >= 2);
    }
}
