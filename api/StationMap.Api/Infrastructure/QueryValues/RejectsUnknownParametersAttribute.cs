namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>
/// On a record of query parameters: its endpoints answer a 400 problem naming any query parameter that none of their
/// <see cref="IQueryParameters"/> records reads (by name, ignoring case, as binding does). Opt-in per record, since a
/// client may rely on an endpoint ignoring what it does not read (a cache-buster, a tracking tag).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RejectsUnknownParametersAttribute : Attribute;
