using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Cost-weighted rate limits (<c>RateLimits</c> section): every client address, and every operator or planner key,
/// has a token bucket; a request takes as many tokens as its endpoint's policy costs (<see cref="Costs"/>), and a
/// client whose bucket is empty gets a 429 problem with <c>Retry-After</c>. The defaults let the map page and a
/// person using it never notice (a pan of the map costs one area request) while one address cannot keep the
/// database busy. Every setting can be given per run, e.g. <c>--RateLimits:TokensPerPeriod=1000</c> or
/// <c>RateLimits__Costs__route=500</c>.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary>Off: no limits at all (a private installation).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tokens added to an address's bucket every <see cref="Period"/>.</summary>
    [Range(1, 10_000_000)]
    public int TokensPerPeriod { get; set; } = 200;

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An address's bucket holds at most this many tokens: the burst a client may spend at once.</summary>
    [Range(1, 100_000_000)]
    public int BucketSize { get; set; } = 4000;

    /// <summary>
    /// Tokens of requests allowed to wait for their bucket to refill instead of being refused at once (0: refuse).
    /// Counted in tokens, not requests: 4000 is 4000 nearest requests or 20 routes. A flood from one address then
    /// waits on its own connections instead of costing a rejection per request (README, "Rate limits": the nearest
    /// client beside such a flood kept about twice the throughput).
    /// </summary>
    [Range(0, 100_000_000)]
    public int QueueLimit { get; set; } = 4000;

    /// <summary>
    /// How long a refused request is held before its 429 is sent (at most its Retry-After). A client that ignores
    /// Retry-After resends at once, and past the queue every refusal costs a parse, a problem and, for a route, the
    /// drain of its body: 32 connections posting routes got 4,400 refusals a second and cut a nearest client beside
    /// them to 12% (bench.sh abuse at 1M). Held for a second, each connection costs one refusal a second.
    /// </summary>
    public TimeSpan RefusalDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The same for each authenticated key (partitioned by the key holder's name, not by address).</summary>
    [Range(1, 10_000_000)]
    public int KeyTokensPerPeriod { get; set; } = 2000;

    [Range(1, 100_000_000)]
    public int KeyBucketSize { get; set; } = 40_000;

    /// <summary>
    /// Whether requests from a loopback address are left unlimited (in-process tests, which have no address, always
    /// are). Off by default: a proxy on the same machine that is not listed in <c>Network:TrustedProxies</c> makes
    /// every client look like loopback, and an exemption would then switch the limits off for the whole internet;
    /// without it the misconfiguration shows at once as one shared budget. The benchmarks turn it on.
    /// </summary>
    public bool ExemptLoopback { get; set; }

    /// <summary>Tokens a request of each policy takes (<see cref="RateLimitPolicies"/>), roughly its worst-case server time.</summary>
    public Dictionary<string, int> Costs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int CostOf(string policy) => Costs.TryGetValue(policy, out var cost) ? cost : RateLimitPolicies.DefaultCosts[policy];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Period <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive", [nameof(Period)]);
        }
        foreach (var policy in RateLimitPolicies.DefaultCosts.Keys)
        {
            var cost = CostOf(policy);
            // The limiter refuses outright (an exception) a request for more tokens than a bucket can hold.
            if (cost < 1 || cost > Math.Min(BucketSize, KeyBucketSize))
            {
                yield return new ValidationResult(
                    $"the cost of '{policy}' ({cost}) must be between 1 and the smaller bucket size", [nameof(Costs)]);
            }
        }
        foreach (var name in Costs.Keys.Where(n => !RateLimitPolicies.DefaultCosts.ContainsKey(n)))
        {
            yield return new ValidationResult(
                $"'{name}' is not a rate limit policy (known: {string.Join(", ", RateLimitPolicies.DefaultCosts.Keys)})", [nameof(Costs)]);
        }
    }
}
