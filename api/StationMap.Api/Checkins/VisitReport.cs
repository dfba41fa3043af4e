using StationMap.Domain;
using StationMap.Store.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// A month of visits for an operator: each station and each district with its total and its visits per day
/// (<c>days[0]</c> is the 1st of the month), and the same summed over all of them. The CSV and the .xlsx are this, as
/// one table (<see cref="VisitReportTable"/>).
/// </summary>
public sealed record VisitReport(
    string Month, string? District, DateOnly From, DateOnly To, int Stations, int Visits, IReadOnlyList<int> Days,
    IReadOnlyList<StationVisitTotals> StationTotals, IReadOnlyList<DistrictVisitTotals> DistrictTotals)
{
    /// <summary>
    /// A report lists at most this many stations; beyond it a district must be named. A city's stations fit (the
    /// Beijing demo has 3,000); 5,000 stations with 5 visits a day each for 24 days took ~4 s (README, "Visits and reports").
    /// </summary>
    public const int MaxStations = 5_000;

    public static VisitReport Of(DateOnly first, string? district, IReadOnlyList<StationVisits> stations)
    {
        var last = first.AddMonths(1).AddDays(-1);
        var length = last.Day;
        var rows = stations.Select(s =>
        {
            var days = new int[length];
            foreach (var day in s.Days)
            {
                days[day.Day.Day - 1] += day.Visits;
            }
            return new StationVisitTotals(s.Id, s.Name, s.District, s.Kind.ToWire(), days.Sum(), days);
        }).ToList();
        var districts = rows.GroupBy(r => r.District)
            .Select(g => new DistrictVisitTotals(g.Key, g.Count(), g.Sum(r => r.Visits), Sum(g, length)))
            .ToList();
        return new VisitReport(
            first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), district, first, last,
            rows.Count, rows.Sum(r => r.Visits), Sum(rows, length), rows, districts);
    }

    private static int[] Sum(IEnumerable<StationVisitTotals> rows, int length)
    {
        var sum = new int[length];
        foreach (var row in rows)
        {
            for (var i = 0; i < length; i++)
            {
                sum[i] += row.Days[i];
            }
        }
        return sum;
    }
}

/// <summary>One station's month: its visits in all and per day (<c>days[0]</c> is the 1st).</summary>
public sealed record StationVisitTotals(long Id, string Name, string? District, string Kind, int Visits, IReadOnlyList<int> Days);

/// <summary>One district's month: how many stations it lists, their visits in all and per day.</summary>
public sealed record DistrictVisitTotals(string? District, int Stations, int Visits, IReadOnlyList<int> Days);
