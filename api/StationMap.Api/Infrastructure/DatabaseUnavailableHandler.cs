using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Turns a database that cannot answer into a 503 problem with <c>Retry-After</c> for every endpoint at once
/// (reads and writes alike); other exceptions go on to the default 500 problem. The answer never carries the
/// exception's text; the log gets one line with the SQLSTATE or the kind of failure.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IOptions<DatabaseOptions> options, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFailures.IsUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}",
            httpContext.Request.Method, httpContext.Request.Path.Value, DatabaseFailures.Describe(exception));
        await ServiceUnavailableProblem.WriteAsync(
            httpContext, options.Value.RetryAfterSeconds, "The station database is unavailable or too slow right now; retry later.");
        return true;
    }
}
