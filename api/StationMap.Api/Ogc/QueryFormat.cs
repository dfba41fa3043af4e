using Microsoft.OpenApi;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain.Queries;

namespace StationMap.Api.Ogc;

/// <summary>The <c>f</c> of an OGC API request: <c>json</c> or <c>html</c>, which wins over <c>Accept</c>.</summary>
public sealed class QueryFormat : QueryValue, IQueryValueSchema
{
    public const string Json = "json";
    public const string Html = "html";

    private static readonly string[] Formats = [Json, Html];

    private QueryFormat(string raw) : base(raw) =>
        Value = Formats.FirstOrDefault(f => string.Equals(f, raw.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>json or html; null when the text is neither.</summary>
    public string? Value { get; }

    public static bool TryParse(string? text, out QueryFormat value)
    {
        value = new QueryFormat(text ?? "");
        return true;
    }

    public override void Check(QueryRule rule, List<ParameterProblem> problems)
    {
        if (Value is null)
        {
            problems.Add(new(rule.Name, $"must be json or html, got '{Echo(Raw)}'"));
        }
    }

    public static void Describe(OpenApiSchema schema)
    {
        (schema.Type, schema.Format) = (JsonSchemaType.String, null);
        schema.Enum = [.. Formats.Select(f => (System.Text.Json.Nodes.JsonNode)f)];
    }
}
