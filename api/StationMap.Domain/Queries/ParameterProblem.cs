namespace StationMap.Domain.Queries;

/// <summary>One thing wrong with one request parameter, said so that a client can fix it.</summary>
public sealed record ParameterProblem(string Parameter, string Reason);
