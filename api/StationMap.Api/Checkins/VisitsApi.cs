using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Security;
using StationMap.Domain.Hours;
using StationMap.Store;
using StationMap.Store.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// Visit counts: a station's visits per day (public), and the month's report per station and district for operators,
/// as JSON, CSV or .xlsx (chosen by the path's extension, so a link or Excel's "From Web" needs no header).
/// </summary>
public static class VisitsApi
{
    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/stations").WithTags("Visits").CheckQueryParameters()
            .RequireRateLimiting(RateLimitPolicies.Area)
            .MapGet("/{id:long}/visits", StationVisitsAsync)
            .WithName("StationVisits")
            .WithSummary("A station's visits per day (China Standard Time): one per device per day among its 'visited' check-ins, every day of the range listed")
            .WithDescription("The last 30 days when no range is given; at most 366 days. " +
                "Worst case: 366 days of the busiest station (1,500 visits a day: 135,000 rows still raw), ~0.25 s; a station with a few visits a day, ~4 ms.");
        // Operators only: who used which station how often is the unions' business, not the public's.
        var reports = app.MapGroup("/api/reports").WithTags("Reports").CheckQueryParameters()
            .RequireAuthorization(OperatorPolicies.Operator)
            .RequireRateLimiting(RateLimitPolicies.Heavy);
        const string reportCost = "A report lists at most 5,000 stations (else 422: name a district). " +
            "Worst case: 5,000 stations with 5 visits a day each for 24 days (600,000 rows), ~4 s; see README, \"Visits and reports\".";
        reports.MapGet("/visits", ReportAsync)
            .WithName("VisitReport")
            .WithSummary("A month's visits per station and per district, with each day's count (operator key required)")
            .WithDescription(reportCost);
        reports.MapGet("/visits.csv", ReportCsvAsync)
            .WithName("VisitReportCsv")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The visit report as CSV (UTF-8 with a BOM, for Excel): stations, then district totals, then the total (operator key required)")
            .WithDescription(reportCost);
        reports.MapGet("/visits.xlsx", ReportXlsxAsync)
            .WithName("VisitReportXlsx")
            .Produces(StatusCodes.Status200OK, contentType: VisitReportFiles.XlsxContentType)
            .WithSummary("The visit report as an Excel workbook, the same table as the CSV (operator key required)")
            .WithDescription(reportCost);
        return app;
    }

    internal static async Task<Results<Ok<StationVisitCounts>, ValidationProblem, ProblemHttpResult>> StationVisitsAsync(
        long id, [AsParameters] VisitParameters parameters, StationDataSources dataSources, TimeProvider time, CancellationToken cancellationToken)
    {
        var (from, to) = parameters.Range(ChinaStandardTime.DateOf(time.GetUtcNow()));
        var days = await new VisitQueries(dataSources).StationDaysAsync(id, from, to, cancellationToken);
        return days is null
            ? TypedResults.Problem(title: "Station not found", detail: $"No station has id {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new StationVisitCounts(id, from, to, days.Sum(d => d.Visits), days));
    }

    internal static async Task<Results<Ok<VisitReport>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        [AsParameters] VisitReportParameters parameters, StationDataSources dataSources, TimeProvider time, CancellationToken cancellationToken)
    {
        var (report, problem) = await BuildAsync(parameters, dataSources, time, cancellationToken);
        return report is null ? problem! : TypedResults.Ok(report);
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ReportCsvAsync(
        [AsParameters] VisitReportParameters parameters, StationDataSources dataSources, TimeProvider time, CancellationToken cancellationToken)
    {
        var (report, problem) = await BuildAsync(parameters, dataSources, time, cancellationToken);
        return report is null
            ? problem!
            : TypedResults.File(VisitReportFiles.Csv(VisitReportTable.From(report)), VisitReportFiles.CsvContentType, VisitReportFiles.FileName(report, "csv"));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ReportXlsxAsync(
        [AsParameters] VisitReportParameters parameters, StationDataSources dataSources, TimeProvider time, CancellationToken cancellationToken)
    {
        var (report, problem) = await BuildAsync(parameters, dataSources, time, cancellationToken);
        return report is null
            ? problem!
            : TypedResults.File(
                await VisitReportFiles.XlsxAsync(VisitReportTable.From(report), cancellationToken),
                VisitReportFiles.XlsxContentType, VisitReportFiles.FileName(report, "xlsx"));
    }

    private static async Task<(VisitReport? Report, ProblemHttpResult? Problem)> BuildAsync(
        VisitReportParameters parameters, StationDataSources dataSources, TimeProvider time, CancellationToken cancellationToken)
    {
        var first = parameters.FirstDay(ChinaStandardTime.DateOf(time.GetUtcNow()));
        var last = first.AddMonths(1).AddDays(-1);
        var district = parameters.DistrictName;
        var queries = new VisitQueries(dataSources);
        var size = await queries.ReportSizeAsync(district, first, last, VisitReport.MaxStations, cancellationToken);
        if (size > VisitReport.MaxStations)
        {
            return (null, CostLimitProblem.For(
                "district", $"{(district is null ? "absent lists every district" : "lists")}: more than {VisitReport.MaxStations} stations; name a district with fewer"));
        }
        if (size == 0 && district is not null)
        {
            return (null, TypedResults.Problem(
                title: "District not found", statusCode: StatusCodes.Status404NotFound,
                detail: $"No station of district '{ValidationProblems.Shorten(district, 40)}' was in service in {first:yyyy-MM}."));
        }
        return (VisitReport.Of(first, district, await queries.ReportAsync(district, first, last, cancellationToken)), null);
    }
}

/// <summary>A station's visits per China day, every day of the range, and their sum.</summary>
public sealed record StationVisitCounts(long StationId, DateOnly From, DateOnly To, int Visits, IReadOnlyList<DailyVisits> Days);
