using System.Globalization;

namespace StationMap.Api.Infrastructure;

/// <summary>The one 503 answer: a problem with <c>Retry-After</c>, written by whoever found the database unavailable.</summary>
public static class ServiceUnavailableProblem
{
    public const string Title = "Service temporarily unavailable";

    public static ValueTask WriteAsync(HttpContext context, int retryAfterSeconds, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Title = Title, Detail = detail, Status = StatusCodes.Status503ServiceUnavailable },
        });
    }
}
