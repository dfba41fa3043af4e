using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using StationMap.Api.Infrastructure;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Domain;
using StationMap.Domain.Planning;
using StationMap.Domain.Queries;
using StationMap.Store.Planning;

namespace StationMap.Api.Planning;

/// <summary>The body of <c>POST /api/planning/runs</c>.</summary>
/// <param name="Layer">Demand layer to cover (required).</param>
/// <param name="RadiusM">Coverage radius in metres.</param>
/// <param name="P">How many new sites to suggest (required).</param>
/// <param name="Kind">Station kinds that count as covering, comma-separated; all kinds when empty.</param>
/// <param name="Solver">greedy, exact or auto (default).</param>
/// <param name="TimeLimitSeconds">Time limit of the exact solver.</param>
public sealed record PlanningRunRequest(
    [property: Required] string? Layer,
    double? RadiusM = null,
    [property: Required] int? P = null,
    string? Kind = null,
    string? Solver = null,
    double? TimeLimitSeconds = null)
{
    /// <summary>The JSON names of the fields, in declaration order (as the OpenAPI schema lists them).</summary>
    public static readonly IReadOnlyList<string> Fields = JsonFields.Of<PlanningRunRequest>();

    /// <summary>The request in a JSON body, or null with what is wrong: not an object, unknown members, a member of the wrong type.</summary>
    public static PlanningRunRequest? Read(JsonElement body, JsonSerializerOptions json, out IReadOnlyList<ParameterProblem> problems)
    {
        var found = new List<ParameterProblem>();
        problems = found;
        if (body.ValueKind != JsonValueKind.Object)
        {
            found.Add(new ParameterProblem("body", "must be a JSON object"));
            return null;
        }
        // Member names match the way the serializer binds them: case-insensitively.
        JsonFields.ReportUnknown(body, Fields, StringComparer.OrdinalIgnoreCase, found);
        try
        {
            var request = body.Deserialize<PlanningRunRequest>(json);
            return found.Count == 0 ? request : null;
        }
        catch (JsonException e)
        {
            var member = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            found.Add(new ParameterProblem(member, "has the wrong type: layer, kind and solver are strings, radiusM, p and timeLimitSeconds numbers"));
            return null;
        }
    }

    /// <summary>Checks every field against the store and the limits; null with every problem when anything is wrong.</summary>
    public PlanningRunParameters? Validate(
        IReadOnlyList<DemandLayer> layers, int candidateCount, PlanningOptions options, out IReadOnlyList<ParameterProblem> problems)
    {
        var found = new List<ParameterProblem>();
        // The body's kind reads like the query string's: a comma-separated list.
        QueryKinds.TryParse(Kind, out var kind);
        QueryCheck.Value(kind, new QueryRule("kind"), found);
        var kinds = QueryKinds.Of(kind);

        var layer = PlanningParameters.Layer(Layer, layers, found);
        var radius = RadiusM ?? options.DefaultRadiusM;
        if (!double.IsFinite(radius) || radius <= 0 || radius > options.MaxRadiusM)
        {
            found.Add(new ParameterProblem("radiusM", $"must be greater than 0 and at most {options.MaxRadiusM.ToString(CultureInfo.InvariantCulture)}, got {radius.ToString(CultureInfo.InvariantCulture)}"));
        }
        if (P is not { } p)
        {
            found.Add(new ParameterProblem("p", "is required"));
        }
        else if (p < 1)
        {
            found.Add(new ParameterProblem("p", $"must be at least 1, got {p}"));
        }
        else if (p > candidateCount)
        {
            found.Add(new ParameterProblem("p", $"must be at most the number of candidate sites ({candidateCount}), got {p}"));
        }
        else if (p > options.MaxP)
        {
            found.Add(new ParameterProblem("p", $"must be at most {options.MaxP}, got {p}"));
        }
        var solver = PlanningSolver.Auto;
        if (Solver is not null && !PlanningSolvers.TryParse(Solver, out solver))
        {
            found.Add(new ParameterProblem("solver", $"unknown solver '{(Solver.Length > 64 ? Solver[..64] + "…" : Solver)}'; expected one of {string.Join(", ", PlanningSolvers.WireNames)}"));
        }
        var timeLimit = TimeLimitSeconds ?? options.DefaultTimeLimitSeconds;
        if (!double.IsFinite(timeLimit) || timeLimit <= 0 || timeLimit > options.MaxTimeLimitSeconds)
        {
            found.Add(new ParameterProblem("timeLimitSeconds", $"must be greater than 0 and at most {options.MaxTimeLimitSeconds.ToString(CultureInfo.InvariantCulture)}, got {timeLimit.ToString(CultureInfo.InvariantCulture)}"));
        }
        problems = found;
        return found.Count > 0 || layer is null
            ? null
            : new PlanningRunParameters(layer, radius, P!.Value, [.. kinds.Select(k => k.ToWire())], solver.ToWire(), timeLimit);
    }
}

/// <summary>What a run was asked, as stored in <c>planning_run.parameters</c>.</summary>
public sealed record PlanningRunParameters(string Layer, double RadiusM, int P, string[] Kinds, string Solver, double TimeLimitSeconds)
{
    public IReadOnlyList<StationKind> StationKinds() =>
        [.. Kinds.Select(k => Domain.StationKinds.TryParse(k, out var kind) ? kind : throw new InvalidOperationException($"stored kind '{k}'"))];
}

/// <summary>Checks shared by the coverage query and runs.</summary>
internal static class PlanningParameters
{
    /// <summary>The layer when it names a stored one; otherwise a problem that lists the known layers.</summary>
    public static string? Layer(string? layer, IReadOnlyList<DemandLayer> layers, List<ParameterProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(layer))
        {
            problems.Add(new ParameterProblem("layer", "is required"));
            return null;
        }
        var name = layer.Trim();
        if (layers.Any(l => l.Name == name))
        {
            return name;
        }
        var known = layers.Count == 0 ? "none are loaded" : "known layers are " + string.Join(", ", layers.Select(l => l.Name));
        problems.Add(new ParameterProblem("layer", $"unknown layer '{(name.Length > 64 ? name[..64] + "…" : name)}'; {known}"));
        return null;
    }
}
