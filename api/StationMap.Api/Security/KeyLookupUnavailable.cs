using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;

namespace StationMap.Api.Security;

/// <summary>A request feature: the request carried a key the database could not check.</summary>
internal sealed class KeyLookupUnavailable
{
    public static readonly KeyLookupUnavailable Instance = new();
}

/// <summary>
/// A protected endpoint reached with a key that could not be checked answers 503 with <c>Retry-After</c>: the key
/// may well be good, so neither 401 nor 403 is the truth. Everything else is the default authorization answer.
/// </summary>
internal sealed class KeyLookupUnavailableResultHandler(IOptions<DatabaseOptions> options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && context.Features.Get<KeyLookupUnavailable>() is not null)
        {
            return ServiceUnavailableProblem.WriteAsync(
                context, options.Value.RetryAfterSeconds, "The key could not be checked because the database is unavailable; retry later.").AsTask();
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
