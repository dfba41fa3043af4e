using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using StationMap.Store;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Turns a database that cannot answer into a 503 problem with <c>Retry-After</c> for every endpoint at once
/// (reads and writes alike); other exceptions go on to the default 500 problem. The answer never carries the
/// exception's text; the log gets one line with the SQLSTATE or the kind of failure.
/// A lost connection also makes the data sources forget their pooled connections and the hosts' roles (at most once a
/// second): after a failover, the next request finds the promoted primary instead of the dead pool of the old one.
/// </summary>
internal sealed class DatabaseUnavailableHandler(
    IOptions<DatabaseOptions> options, StationDataSources dataSources, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    private static readonly long ForgetEvery = System.Diagnostics.Stopwatch.Frequency;

    private long _forgotAt = -ForgetEvery;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFailures.IsUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        if (DatabaseFailures.IsLostConnection(exception))
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            var last = Interlocked.Read(ref _forgotAt);
            if (now - last >= ForgetEvery && Interlocked.CompareExchange(ref _forgotAt, now, last) == last)
            {
                dataSources.Forget();
            }
        }
        logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}",
            httpContext.Request.Method, httpContext.Request.Path.Value, DatabaseFailures.Describe(exception));
        await ServiceUnavailableProblem.WriteAsync(
            httpContext, options.Value.RetryAfterSeconds, "The station database is unavailable or too slow right now; retry later.");
        return true;
    }
}
