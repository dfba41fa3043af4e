using StationMap.Api.Sources;
namespace StationMap.Api.Infrastructure;

/// <summary>
/// The dashboard polls <c>/stats</c> with a form post, and Hangfire's handler reads the form whatever the request is:
/// a GET (someone opening the URL) or a post without a form made it throw, a 500. Such a request is answered here
/// with a problem instead: 405 for another method, 415 for a post that is not a form.
/// </summary>
internal static class DashboardStatsGuard
{
    public const string Path = SourcesHosting.DashboardPath + "/stats";

    public static IApplicationBuilder UseDashboardStatsGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
            || (HttpMethods.IsPost(request.Method) && request.HasFormContentType))
        {
            await next(context);
            return;
        }
        var post = HttpMethods.IsPost(request.Method);
        if (!post)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
        }
        await TypedResults.Problem(
            title: post ? "Unsupported media type" : "Method not allowed",
            detail: "The dashboard's statistics are read with a form post (application/x-www-form-urlencoded).",
            statusCode: post ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status405MethodNotAllowed).ExecuteAsync(context);
    });
}
