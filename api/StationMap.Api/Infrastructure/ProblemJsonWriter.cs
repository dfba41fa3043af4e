using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// The last resort of the problem details service: writes the problem as <c>application/problem+json</c> whatever the
/// request's Accept says. The default writer declines a request that accepts only, say, <c>application/xml</c>, and
/// with no writer left the service throws: a refusal (401, 404) became a bare 500. An API's errors are JSON.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        return new ValueTask(response.WriteAsJsonAsync(
            problem, json.Value.SerializerOptions.GetTypeInfo(problem.GetType()), "application/problem+json"));
    }
}
