using System.Globalization;
using System.Text;
using StationMap.Api.Infrastructure;

namespace StationMap.Api.Planning;

/// <summary>A finished run's suggested sites as GeoJSON points or as CSV rows, ranked.</summary>
internal static class PlanningExports
{
    public static SiteFeatureCollection GeoJson(long runId, PlanningResult result) =>
        new(runId, result.Solver, result.Objective, [.. result.Sites.Select(s => new Feature<PointGeometry, SuggestedSiteResult>(PointGeometry.At(s.Lon, s.Lat), s))]);

    public static string Csv(PlanningResult result)
    {
        var csv = new StringBuilder("rank,candidate_id,external_id,name,host_type,capacity,district,address,lat,lon,marginal_gain,covered_after\n");
        foreach (var s in result.Sites)
        {
            csv.AppendJoin(',',
                s.Rank.ToString(CultureInfo.InvariantCulture), s.CandidateId.ToString(CultureInfo.InvariantCulture), CsvField.Quote(s.ExternalId),
                CsvField.Quote(s.Name), CsvField.Quote(s.HostType), s.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "", CsvField.Quote(s.District),
                CsvField.Quote(s.Address), s.Lat.ToString("R", CultureInfo.InvariantCulture), s.Lon.ToString("R", CultureInfo.InvariantCulture),
                s.MarginalGain.ToString("R", CultureInfo.InvariantCulture), s.CoveredAfter.ToString("R", CultureInfo.InvariantCulture));
            csv.Append('\n');
        }
        return csv.ToString();
    }
}

/// <summary>Suggested sites, ranked; run, solver and objective are foreign members.</summary>
public sealed record SiteFeatureCollection(long Run, string Solver, double Objective, IReadOnlyList<Feature<PointGeometry, SuggestedSiteResult>> Features)
    : FeatureCollection<PointGeometry, SuggestedSiteResult>(Features);

