using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace StationMap.Api.Security;

/// <summary>
/// The CORS policy: a public read (GET or HEAD of an endpoint that needs no key) may be read by a page on any origin,
/// without credentials; nothing else gets a grant, so writes, keyed reads, the dashboard and the admin endpoints stay
/// same-origin. A preflight names only the method it asks for, so it is granted for GET and HEAD; the answer to the
/// request itself then carries the grant only if its endpoint is public, and a key cannot be sent at all because no
/// request header beyond the CORS-safelisted ones is allowed.
/// </summary>
internal sealed class PublicReadCors : ICorsPolicyProvider
{
    private static readonly CorsPolicy PublicRead = new CorsPolicyBuilder()
        .AllowAnyOrigin()
        .WithMethods(HttpMethods.Get, HttpMethods.Head)
        .WithExposedHeaders(HeaderNames.RetryAfter)
        .SetPreflightMaxAge(TimeSpan.FromHours(1))
        .Build();

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var request = context.Request;
        var method = request.Method;
        if (HttpMethods.IsOptions(method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            method = request.Headers.AccessControlRequestMethod.ToString();
            return Task.FromResult(IsRead(method) ? PublicRead : null);
        }
        var endpoint = context.GetEndpoint();
        var keyed = endpoint is null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
        return Task.FromResult(IsRead(method) && !keyed ? PublicRead : null);
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
