using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Planning;

/// <summary>Limits and defaults of the planning endpoints and runs (section <c>Planning</c>).</summary>
public sealed class PlanningOptions
{
    public const string Section = "Planning";

    /// <summary>Largest coverage radius, metres: a walk of about an hour.</summary>
    [Range(1, 100_000)]
    public double MaxRadiusM { get; set; } = 5_000;

    [Range(1, 100_000)]
    public double DefaultRadiusM { get; set; } = 500;

    /// <summary>Smallest and largest side of a heat-map cell, metres.</summary>
    [Range(1, 1_000_000)]
    public double MinCellM { get; set; } = 100;

    [Range(1, 1_000_000)]
    public double MaxCellM { get; set; } = 50_000;

    [Range(1, 1_000_000)]
    public double DefaultCellM { get; set; } = 1_000;

    /// <summary>Most sites one run may suggest.</summary>
    [Range(1, 100_000)]
    public int MaxP { get; set; } = 1_000;

    /// <summary>Solver <c>auto</c> solves exactly up to this many uncovered demand points and candidates.</summary>
    [Range(0, 10_000_000)]
    public int ExactMaxDemand { get; set; } = 5_000;

    [Range(0, 10_000_000)]
    public int ExactMaxCandidates { get; set; } = 1_000;

    /// <summary>Default and largest time limit of the exact solver, seconds.</summary>
    [Range(1, 86_400)]
    public double DefaultTimeLimitSeconds { get; set; } = 30;

    [Range(1, 86_400)]
    public double MaxTimeLimitSeconds { get; set; } = 600;

    /// <summary>CP-SAT workers; 1 keeps answers identical from run to run.</summary>
    [Range(1, 64)]
    public int ExactWorkers { get; set; } = 1;
}
