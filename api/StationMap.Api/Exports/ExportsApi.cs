using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Security;
using StationMap.Domain;
using StationMap.Store;
using StationMap.Store.Exports;

namespace StationMap.Api.Exports;

/// <summary>
/// <c>/api/exports</c>: every live station, or a district's, some kinds' or one source's, as CSV, an Excel workbook or
/// GeoJSON in the importer's own layout, so a file exported, edited and imported again under its source changes only
/// what was edited. Streamed from one database snapshot, no page cap: memory holds a few hundred rows at a time.
/// </summary>
public static class ExportsApi
{
    /// <summary>What every export costs at worst (stated in the OpenAPI document).</summary>
    public const string Cost =
        "Streams every matching live station from one snapshot, no cap, a few hundred rows in memory at a time. " +
        "Worst case: all of 1,000,000 stations, measured on a loaded 2-core machine: CSV ~300 MB in ~14 s, xlsx ~170 MB " +
        "in ~13 s, GeoJSON ~500 MB in ~10 s, one database connection meanwhile; a district is a fraction of that.";

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        // Operators only: the full list with hosts and phone numbers is the unions' data to hand out, not the public's.
        var exports = app.MapGroup("/api/exports").WithTags("Exports").CheckQueryParameters()
            .RequireAuthorization(OperatorPolicies.Operator)
            .RequireRateLimiting(RateLimitPolicies.Heavy);
        exports.MapGet("/stations.csv", CsvAsync)
            .WithName("ExportStationsCsv")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Live stations as CSV in the importer's columns (UTF-8 with a BOM, for Excel; operator key required)")
            .WithDescription(Cost);
        exports.MapGet("/stations.xlsx", XlsxAsync)
            .WithName("ExportStationsXlsx")
            .Produces<Stream>(StatusCodes.Status200OK, StationExportFiles.XlsxContentType)
            .WithSummary("Live stations as an Excel workbook, one sheet in the importer's columns (operator key required)")
            .WithDescription(Cost + $" A sheet holds at most {XlsxSheetWriter.MaxRows - 1:N0} stations: more is a 422 naming district.");
        exports.MapGet("/stations.geojson", GeoJsonAsync)
            .WithName("ExportStationsGeoJson")
            .Produces<Stream>(StatusCodes.Status200OK, StationExportFiles.GeoJsonContentType)
            .WithSummary("Live stations as a GeoJSON FeatureCollection (WGS-84), properties named as the importer's columns (operator key required)")
            .WithDescription(Cost);
        return app;
    }

    internal static Results<PushStreamHttpResult, ValidationProblem> CsvAsync(
        [AsParameters] ExportParameters parameters, StationDataSources dataSources, CancellationToken cancellationToken) =>
        Export(parameters, dataSources, StationExportFiles.WriteCsvAsync, StationExportFiles.CsvContentType, "csv", cancellationToken);

    internal static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> XlsxAsync(
        [AsParameters] ExportParameters parameters, StationDataSources dataSources, CancellationToken cancellationToken)
    {
        var filter = parameters.Filter;
        if (await new StationExportQueries(dataSources).CountAsync(filter, XlsxSheetWriter.MaxRows, cancellationToken) >= XlsxSheetWriter.MaxRows)
        {
            return CostLimitProblem.For("district",
                $"{(filter.District is null ? "absent exports every district" : "lists")}: more than {XlsxSheetWriter.MaxRows - 1:N0} stations, " +
                "more than an Excel sheet holds; name a district, kind or source, or export CSV");
        }
        return Export(parameters, dataSources, StationExportFiles.WriteXlsxAsync, StationExportFiles.XlsxContentType, "xlsx", cancellationToken);
    }

    internal static Results<PushStreamHttpResult, ValidationProblem> GeoJsonAsync(
        [AsParameters] ExportParameters parameters, StationDataSources dataSources, CancellationToken cancellationToken) =>
        Export(parameters, dataSources, StationExportFiles.WriteGeoJsonAsync, StationExportFiles.GeoJsonContentType, "geojson", cancellationToken);

    // The statement runs inside the callback before anything is written (writers flush what they hold when they are
    // disposed, even after a failure): a database that is down is still a 503 problem, not the start of a file.
    private static PushStreamHttpResult Export(
        ExportParameters parameters,
        StationDataSources dataSources,
        Func<IAsyncEnumerable<Station>, Stream, CancellationToken, Task> write,
        string contentType,
        string extension,
        CancellationToken cancellationToken)
    {
        var filter = parameters.Filter;
        var queries = new StationExportQueries(dataSources);
        return TypedResults.Stream(
            async body =>
            {
                await using var rows = await queries.OpenAsync(filter, cancellationToken);
                await write(rows.ReadAsync(cancellationToken), body, cancellationToken);
            },
            contentType, StationExportFiles.FileName(filter, extension));
    }
}
