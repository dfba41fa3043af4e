using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StationMap.Api.Infrastructure;

/// <summary>Endpoint metadata: the endpoint reads a JSON body of this shape itself, through <see cref="JsonBody"/>.</summary>
public sealed record JsonBodyShape(Type Type);

/// <summary>
/// Gives the bodies our endpoints read themselves a schema in the OpenAPI document. <c>Accepts&lt;T&gt;</c> would say the
/// same, but routing then answers a wrong content type with a bare 415 before <see cref="JsonBody"/> can say what it takes.
/// </summary>
public sealed class JsonBodySchemas : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyShape>().LastOrDefault() is not { } shape)
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(shape.Type, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }
}

public static class JsonBodyShapes
{
    /// <summary>Documents the JSON body the endpoint reads (see <see cref="JsonBodySchemas"/>).</summary>
    public static RouteHandlerBuilder ReadsJsonBody<TBody>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new JsonBodyShape(typeof(TBody)));
}
