using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StationMap.Domain;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>
/// Shows each <see cref="QueryValue"/> in the OpenAPI document as what clients send (a number, a whole number, a
/// boolean, a list of known words, a box) instead of the opaque string every parsable type gets.
/// </summary>
public sealed class QueryValueSchemas : IOpenApiSchemaTransformer
{
    /// <summary>
    /// Query values are written inline, never as shared components: each parameter has its own range, which a shared
    /// <c>QueryNumber</c> component would carry for the first parameter only.
    /// </summary>
    public static string? ReferenceId(System.Text.Json.Serialization.Metadata.JsonTypeInfo type) =>
        type.Type.IsAssignableTo(typeof(QueryValue)) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (!type.IsAssignableTo(typeof(QueryValue)))
        {
            return Task.CompletedTask;
        }
        // A query value travels as text: the members of the class are not part of the contract.
        schema.Properties = null;
        if (type == typeof(QueryNumber))
        {
            (schema.Type, schema.Format) = (JsonSchemaType.Number, "double");
        }
        else if (type == typeof(QueryInteger))
        {
            (schema.Type, schema.Format) = (JsonSchemaType.Integer, "int32");
        }
        else if (type == typeof(QueryId))
        {
            (schema.Type, schema.Format) = (JsonSchemaType.Integer, "int64");
            schema.Minimum = "0";
        }
        else if (type == typeof(QueryFlag))
        {
            (schema.Type, schema.Format) = (JsonSchemaType.Boolean, null);
        }
        else if (type == typeof(QueryKinds))
        {
            Words(schema, StationKinds.WireNames);
        }
        else if (type == typeof(QueryAmenities))
        {
            Words(schema, Amenities.WireNames);
        }
        else if (type == typeof(QueryDate))
        {
            (schema.Type, schema.Format) = (JsonSchemaType.String, "date");
        }
        else if (type == typeof(QueryMonth))
        {
            (schema.Type, schema.Format) = (JsonSchemaType.String, null);
            schema.Pattern = @"^\s*[0-9]{4}-[0-9]{2}\s*$";
        }
        else if (type == typeof(QueryName))
        {
            (schema.Type, schema.Format) = (JsonSchemaType.String, null);
            schema.MaxLength = QueryName.MaxLength;
        }
        else if (type == typeof(QueryBox))
        {
            (schema.Type, schema.Format) = (JsonSchemaType.String, null);
            schema.Pattern = @"^\s*-?[0-9.eE+-]+\s*(,\s*-?[0-9.eE+-]+\s*){3}$";
        }
        return Task.CompletedTask;
    }

    // A comma-separated list of known words: the pattern lets a generated client or a validator check it.
    private static void Words(OpenApiSchema schema, IEnumerable<string> words)
    {
        var word = $"({string.Join('|', words)})";
        (schema.Type, schema.Format) = (JsonSchemaType.String, null);
        schema.Pattern = $@"^\s*{word}\s*(,\s*{word}\s*)*$";
    }
}
