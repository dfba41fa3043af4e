using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StationMap.Api.Security;

/// <summary>
/// Declares the operator/planner key in the OpenAPI document and marks every operation that needs one with the role it
/// needs, so API users (and the docs page) see which calls take a key instead of reading it from a summary.
/// </summary>
public sealed class KeySecuritySchemes : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeId = "operatorKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An operator's or a planner's key, made with the `create-key` command: `Authorization: Bearer <key>`. " +
                "The Hangfire dashboard takes the same key as a Basic password.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct().ToList();
        if (policies.Count == 0)
        {
            return Task.CompletedTask;
        }
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = policies });
        return Task.CompletedTask;
    }
}
