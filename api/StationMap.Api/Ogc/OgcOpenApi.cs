using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StationMap.Api.Infrastructure;

namespace StationMap.Api.Ogc;

/// <summary>
/// The OGC API's own OpenAPI 3.0 document (conformance class "oas30"), at <c>/ogc/api</c>: the <c>/ogc</c> endpoints
/// with paths relative to the service's root, as OGC clients look them up (GDAL finds a collection's filter parameters
/// under <c>/collections/{id}/items</c>). <c>/openapi/v1.json</c> (OpenAPI 3.1) lists the same endpoints with the rest.
/// </summary>
public static class OgcOpenApi
{
    public const string DocumentName = "ogc";

    public static void Add(IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            StationMapHosting.DescribeApi(options);
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description => description.RelativePath?.StartsWith(OgcApi.Path[1..], StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "StationMap OGC API – Features",
                    Version = "1.0",
                    Description = "户外劳动者驿站、检查站和规划数据。Rest stops for outdoor workers, checkpoints and planning data.",
                };
                document.Servers = [new OpenApiServer { Url = OgcApi.Path }];
                var paths = new OpenApiPaths();
                foreach (var (path, item) in document.Paths)
                {
                    var relative = path[OgcApi.Path.Length..];
                    paths[relative.Length == 0 ? "/" : relative] = item;
                }
                document.Paths = paths;
                return Task.CompletedTask;
            });
        });
        services.AddSingleton<OgcOpenApiDocument>();
    }

    internal static async Task<IResult> DocumentAsync(OgcOpenApiDocument document, CancellationToken cancellationToken) =>
        TypedResults.Content(await document.JsonAsync(cancellationToken), OgcLinks.OpenApi);
}

/// <summary>The document, made once: the endpoints do not change while the process runs.</summary>
public sealed class OgcOpenApiDocument([FromKeyedServices(OgcOpenApi.DocumentName)] IOpenApiDocumentProvider provider)
{
    private readonly Lazy<Task<string>> _json = new(async () =>
        await (await provider.GetOpenApiDocumentAsync(CancellationToken.None)).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0, CancellationToken.None));

    public Task<string> JsonAsync(CancellationToken cancellationToken) => _json.Value.WaitAsync(cancellationToken);
}
