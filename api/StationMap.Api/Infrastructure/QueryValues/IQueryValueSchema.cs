using Microsoft.OpenApi;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>
/// A <see cref="QueryValue"/> of a feature's own that says how the OpenAPI document shows it (a list of choices, a
/// pattern), so <see cref="QueryValueSchemas"/> need not know every feature's values.
/// </summary>
public interface IQueryValueSchema
{
    /// <summary>Sets the type and constraints of <paramref name="schema"/>, which shows one parameter of this type.</summary>
    static abstract void Describe(OpenApiSchema schema);
}
