using System.Globalization;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// An endpoint kept answering for a deprecation period: marked <c>deprecated</c> in the OpenAPI document with what
/// replaces it, and every answer carries <c>Deprecation</c> (RFC 9745, the date it was deprecated) and a <c>Link</c>
/// to the documentation that says what to use instead, so clients and their logs notice before it goes.
/// </summary>
public static class Deprecation
{
    public static RouteHandlerBuilder Deprecated(this RouteHandlerBuilder builder, DateTimeOffset since, string instead)
    {
        var deprecation = "@" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return builder
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Deprecated = true;
                operation.Description = $"Deprecated: use {instead}. {operation.Description}";
                return Task.CompletedTask;
            })
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers["Deprecation"] = deprecation;
                headers.Link = "</docs>; rel=\"deprecation\"; type=\"text/html\"";
                return await next(context);
            });
    }
}
