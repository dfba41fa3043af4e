using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain;

namespace StationMap.Api.Ogc;

/// <summary>
/// The queryables of a collection (OGC API – Features Part 3) as JSON Schema, made from the record its items bind
/// them with, so that the document and what the endpoint accepts cannot drift apart: each query parameter of the
/// record, with its description and its values.
/// </summary>
public static class OgcQueryables
{
    public static JsonObject Of(Type queryables, string id, string title)
    {
        var properties = new JsonObject();
        foreach (var property in queryables.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetCustomAttribute<FromQueryAttribute>()?.Name is not { } name)
            {
                continue;
            }
            var schema = Schema(property.PropertyType);
            schema["title"] = name;
            schema["description"] = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
            properties[name] = schema;
        }
        return new JsonObject
        {
            ["$schema"] = OgcJson.SchemaDialect,
            ["$id"] = id,
            ["type"] = "object",
            ["title"] = title,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    // A list parameter (kinds, amenities) takes several of its words comma-separated; each one is one of these.
    private static JsonObject Schema(Type type) =>
        type == typeof(QueryKinds) ? Words(StationKinds.WireNames)
        : type == typeof(QueryAmenities) ? Words(Amenities.WireNames)
        : type == typeof(QueryText) ? new JsonObject { ["type"] = "string", ["maxLength"] = QueryText.MaxLength }
        : throw new InvalidOperationException($"no queryable schema for {type.Name}");

    private static JsonObject Words(IEnumerable<string> words) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray([.. words.Select(w => (JsonNode)w)]) };
}
