using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Makes the OpenAPI schemas say what the API writes, so clients generated from the document (the map client's
/// <c>src/generated/api-schema.ts</c>) take answers as they come:
/// <list type="bullet">
/// <item>A number is a JSON number. The web serializer defaults also read "12.5" from a body (AllowReadingFromString),
/// which the generator states as number-or-string, yet numbers are always written as numbers. Strict number handling
/// would start refusing bodies accepted today, so the leniency stays and the document states the written form.</item>
/// <item>Every property of an answer is there: DefaultIgnoreCondition is Never, so each is written (null when empty)
/// unless a <c>[JsonIgnore]</c> condition says otherwise. The generator marks as required only the properties a
/// constructor binds, which leaves out those a derived record (<c>NearestItem : StationSummary</c>) inherits.
/// Request bodies (the <see cref="JsonBodyShape"/> of an endpoint) keep the generator's word on what must be sent.</item>
/// </list>
/// </summary>
public sealed class WrittenSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Number | JsonSchemaType.Integer)) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (context.ParameterDescription is null && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 } properties
            && !BodyTypes(context.ApplicationServices).Contains(context.JsonTypeInfo.Type))
        {
            schema.Required ??= new HashSet<string>();
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (property.ShouldSerialize is null && properties.ContainsKey(property.Name))
                {
                    schema.Required.Add(property.Name);
                }
            }
        }
        return Task.CompletedTask;
    }

    private HashSet<Type>? _bodyTypes;

    private HashSet<Type> BodyTypes(IServiceProvider services) => _bodyTypes ??=
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.SelectMany(e => e.Metadata.OfType<JsonBodyShape>()).Select(s => s.Type)];
}
