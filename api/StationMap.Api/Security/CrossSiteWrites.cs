namespace StationMap.Api.Security;

/// <summary>
/// Refuses a state-changing request (any method but GET, HEAD, OPTIONS, TRACE) that a browser sent from another site.
/// A browser attaches credentials it has cached for this site (the dashboard's Basic login) to a form posted from
/// anywhere; it also says where the request came from, in <c>Sec-Fetch-Site</c> (current browsers) and <c>Origin</c>.
/// Clients that are not browsers send neither and pass.
/// </summary>
internal sealed class CrossSiteWrites(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method) || IsSameOrigin(request))
        {
            await next(context);
            return;
        }
        await TypedResults.Problem(
            title: "Cross-site request refused",
            detail: "Requests that change state are accepted only from this site's own pages.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        // "none": typed in the address bar or a bookmark, which no other site can make happen.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return false;
        }
        var origin = request.Headers.Origin.ToString();
        // The host and port, not the scheme: behind a proxy that ends TLS the request arrives as http.
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
