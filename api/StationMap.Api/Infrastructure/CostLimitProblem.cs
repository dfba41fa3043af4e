using Microsoft.AspNetCore.Http.HttpResults;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// The answer to a well-formed request that would cost more than an endpoint's stated worst case: 422, an RFC 7807
/// validation problem naming the field to change and the limit it met.
/// </summary>
internal static class CostLimitProblem
{
    public static ProblemHttpResult For(string field, string reason) => TypedResults.Problem(
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Request exceeds a cost limit",
            Detail = $"{field} {reason}",
        });
}
