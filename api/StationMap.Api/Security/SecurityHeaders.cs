using StationMap.Api.Stations;
namespace StationMap.Api.Security;

/// <summary>
/// Adds the security headers to every response, including problems written by the authentication handler or the
/// exception handler: they are set when the response starts, so a handler that clears the headers does not lose them.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, ContentSecurityPolicies policies)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Chosen now: a branch such as the dashboard's moves its prefix from Path to PathBase before the response starts.
        var policy = policies.For(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            // Not no-referrer: tile providers (OpenStreetMap's usage policy) want the site's origin as the referrer.
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // The map asks for the position on this site only; nothing here uses the camera or microphone.
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
            // The site opens no cross-origin popups it must talk to, so it can keep its window to itself.
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
