using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Ogc;

/// <summary>
/// How OGC API answers are written: the API's JSON settings, except that an absent value is left out rather than
/// written as null, so each property a feature has is of the one type its JSON Schema states (what GIS clients make
/// their columns from); and that schema, made from the properties' own type by System.Text.Json's exporter.
/// </summary>
public sealed class OgcJson(IOptions<JsonOptions> json)
{
    public const string SchemaDialect = "https://json-schema.org/draft/2020-12/schema";

    public JsonSerializerOptions Options { get; } = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly ConcurrentDictionary<Type, string> _propertiesSchemas = new();

    /// <summary>
    /// The JSON Schema of a GeoJSON Point feature whose properties are a <paramref name="properties"/>. Nullable types are
    /// stated as their value's type (a null is not written); GDAL 3.6 reads a type only when it is one word.
    /// </summary>
    public JsonObject FeatureSchema(Type properties, string id, string title) => new()
    {
        ["$schema"] = SchemaDialect,
        ["$id"] = id,
        ["title"] = title,
        ["type"] = "object",
        ["required"] = new JsonArray("type", "geometry", "properties"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("Feature") },
            ["id"] = new JsonObject { ["type"] = "integer" },
            ["geometry"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("type", "coordinates"),
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("Point") },
                    ["coordinates"] = new JsonObject
                    {
                        ["type"] = "array", ["minItems"] = 2, ["maxItems"] = 2, ["items"] = new JsonObject { ["type"] = "number" },
                    },
                },
            },
            ["properties"] = JsonNode.Parse(_propertiesSchemas.GetOrAdd(properties, PropertiesSchema)),
        },
    };

    private string PropertiesSchema(Type type)
    {
        var schema = Options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = static (_, node) =>
            {
                if (node is JsonObject o)
                {
                    // A value that may be null is simply absent when it is, and a number is written as a number (the
                    // serializer would read one from a string too): state the one type it has when present.
                    if (o["type"] is JsonArray types)
                    {
                        var written = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
                        if (written.Count > 1 && written.Any(t => t is "number" or "integer"))
                        {
                            written.Remove("string");
                            o.Remove("pattern");
                        }
                        if (written is [var single])
                        {
                            o["type"] = single;
                        }
                    }
                    // Absent values are left out, so no property is always there.
                    o.Remove("required");
                }
                return node;
            },
        });
        return schema.ToJsonString();
    }
}
