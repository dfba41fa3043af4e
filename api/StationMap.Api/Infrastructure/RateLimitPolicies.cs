using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// The rate limit policies a route group asks for with <c>RequireRateLimiting</c>. All of them draw on the same
/// bucket of the client (<see cref="ClientBuckets"/>); they differ only in how many tokens a request takes.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Answered from memory or by one indexed row lookup: nearest, a station, lists.</summary>
    public const string Lookup = "lookup";

    /// <summary>Many rows or an aggregate over an area: stations in a bbox, clusters, a checkpoint's stops.</summary>
    public const string Area = "area";

    /// <summary>Up to the capped worst case of ~1 s of server time: routes, coverage, planning runs.</summary>
    public const string Heavy = "heavy";

    public static readonly IReadOnlyDictionary<string, int> DefaultCosts = new Dictionary<string, int>
    {
        [Lookup] = 1,
        [Area] = 100,
        [Heavy] = 400,
    };

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClientBuckets>();
        services.AddRateLimiter(options =>
        {
            // The limiter's own default is 503, which would read as "the server is down".
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ClientBuckets>((options, limits, buckets) =>
        {
            foreach (var policy in DefaultCosts.Keys)
            {
                options.AddPolicy(policy, new CostWeightedPolicy(buckets, limits.Value.CostOf(policy)));
            }
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var delay = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RefusalDelay;
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay < retryAfter || retryAfter <= TimeSpan.Zero ? delay : retryAfter, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        await ServiceUnavailableProblem.WriteRetryLaterAsync(
            context, context.Response.StatusCode, seconds, "Too many requests",
            $"This client has used up its request budget; retry after {seconds} s.");
    }
}
