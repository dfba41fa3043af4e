using System.Globalization;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Stations.Nearest;

/// <summary>
/// Says how fresh an answer from the in-memory index is, since it keeps answering while the database is down:
/// <c>X-Data-Version</c> (the store's data version the index holds), <c>X-Data-Age</c> (whole seconds since it was
/// loaded) and, while the change listener is not connected, <c>X-Data-Stale: true</c> (a change made meanwhile
/// may be missing). Nothing is added to an answer the database gave.
/// </summary>
public static class IndexFreshnessHeaders
{
    public const string Version = "X-Data-Version";
    public const string Age = "X-Data-Age";
    public const string Stale = "X-Data-Stale";

    public static RouteHandlerBuilder WithIndexFreshness(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            var live = services.GetRequiredService<LiveStationIndex>();
            var loaded = services.GetRequiredService<IOptions<NearestOptions>>().Value.Path == NearestPath.Memory ? live.Current : null;
            var result = await next(context);
            if (loaded is not null)
            {
                var headers = context.HttpContext.Response.Headers;
                headers[Version] = loaded.Index.Version.ToString(CultureInfo.InvariantCulture);
                headers[Age] = ((long)loaded.Age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                if (!live.Listening)
                {
                    headers[Stale] = "true";
                }
            }
            return result;
        });
}
