namespace StationMap.Domain.Places;

/// <summary>
/// How the matcher decides. A pair scoring at least <see cref="MatchScore"/> is linked automatically, at least
/// <see cref="ReviewScore"/> goes to an operator, anything less is two places. Scores add up the evidence (see
/// <see cref="PairScorer"/>): around +13 when everything agrees, below 0 when names or companies differ.
/// </summary>
public sealed record MatchSettings
{
    public const double DefaultMatchScore = 5.0;
    public const double DefaultReviewScore = 2.5;

    public double MatchScore { get; init; } = DefaultMatchScore;

    public double ReviewScore { get; init; } = DefaultReviewScore;

    /// <summary>How far apart two records of a warm station or workers' home may be and still be one (metres).</summary>
    public double StationRadiusM { get; init; } = 300;

    /// <summary>The same for checkpoint rest stops, which are lorry parks: their lists put the point anywhere on the lot.</summary>
    public double RestStopRadiusM { get; init; } = 1000;

    /// <summary>
    /// Sources whose positions may be GCJ-02 although labelled WGS-84 (exported from Amap or Tencent and not converted):
    /// their records are also compared at the position they would have if so, ~300-700 m away in China.
    /// </summary>
    public IReadOnlySet<string> MaybeGcj02Sources { get; init; } = new HashSet<string>();

    /// <summary>The candidate radius of a kind.</summary>
    public double RadiusM(StationKind kind) => kind == StationKind.CheckpointRestStop ? RestStopRadiusM : StationRadiusM;

    /// <summary>Which band a score falls in.</summary>
    public MatchBand BandOf(double score) => score >= MatchScore ? MatchBand.Match : score >= ReviewScore ? MatchBand.Review : MatchBand.Distinct;

    /// <summary>Whether the thresholds make sense (review below match); the reason when not.</summary>
    public string? Problem =>
        !double.IsFinite(MatchScore) || !double.IsFinite(ReviewScore) ? "scores must be finite numbers"
        : ReviewScore > MatchScore ? "the review score must not exceed the match score"
        : StationRadiusM is <= 0 or > 5000 || RestStopRadiusM is <= 0 or > 5000 ? "radii must be in (0, 5000] metres"
        : null;
}

/// <summary>What the matcher makes of a pair.</summary>
public enum MatchBand
{
    /// <summary>Two places.</summary>
    Distinct,

    /// <summary>Perhaps one place: an operator decides.</summary>
    Review,

    /// <summary>One place, linked automatically.</summary>
    Match,
}
