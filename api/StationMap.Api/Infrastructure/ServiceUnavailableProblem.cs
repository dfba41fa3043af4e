using System.Globalization;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// The answers that tell a client to come back later: a problem with <c>Retry-After</c>. The 503 is written by whoever
/// found the database unavailable; the rate limiter's 429 goes through <see cref="WriteRetryLaterAsync"/> too.
/// </summary>
public static class ServiceUnavailableProblem
{
    public const string Title = "Service temporarily unavailable";

    public static ValueTask WriteAsync(HttpContext context, int retryAfterSeconds, string detail) =>
        WriteRetryLaterAsync(context, StatusCodes.Status503ServiceUnavailable, retryAfterSeconds, Title, detail);

    /// <summary>The same 503 as a typed result, for a handler that finds what it answers from unavailable.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Result(HttpResponse response, int retryAfterSeconds, string detail)
    {
        response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: Title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static ValueTask WriteRetryLaterAsync(HttpContext context, int status, int retryAfterSeconds, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Title = title, Detail = detail, Status = status },
        });
    }
}
