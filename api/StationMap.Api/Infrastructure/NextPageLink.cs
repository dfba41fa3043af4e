using Microsoft.AspNetCore.Http.Extensions;

namespace StationMap.Api.Infrastructure;

/// <summary>The root-relative URL of the next page of a paged list: the same request with its cursor moved on.</summary>
public static class NextPageLink
{
    public static string For(HttpRequest request, string cursorName, string cursor)
    {
        var query = new QueryBuilder(request.Query
            .Where(p => !string.Equals(p.Key, cursorName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))))
        {
            { cursorName, cursor },
        };
        return request.PathBase.Add(request.Path).Add(query.ToQueryString());
    }
}
