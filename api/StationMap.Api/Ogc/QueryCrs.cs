using Microsoft.OpenApi;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Ogc;

/// <summary>A CRS named by its URI (<see cref="OgcCrs.Supported"/>), as <c>crs</c> and <c>bbox-crs</c> take it.</summary>
public sealed class QueryCrs : QueryValue, IQueryValueSchema
{
    private QueryCrs(string raw) : base(raw) =>
        Value = OgcCrs.Supported.FirstOrDefault(crs => string.Equals(crs, raw.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The CRS as <see cref="OgcCrs"/> spells it; null when the text names none of them.</summary>
    public string? Value { get; }

    /// <summary>The CRS asked for; CRS84 when the parameter is absent.</summary>
    public static string Of(QueryCrs? value) => value?.Value ?? OgcCrs.Crs84;

    public static bool TryParse(string? text, out QueryCrs value)
    {
        value = new QueryCrs(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value is null)
        {
            problems.Add(new(rule.Name, $"must be one of {string.Join(", ", OgcCrs.Supported)}, got '{Echo(Raw)}'"));
        }
    }

    public static void Describe(OpenApiSchema schema)
    {
        (schema.Type, schema.Format) = (JsonSchemaType.String, "uri");
        schema.Enum = [.. OgcCrs.Supported.Select(crs => (System.Text.Json.Nodes.JsonNode)crs)];
    }
}
