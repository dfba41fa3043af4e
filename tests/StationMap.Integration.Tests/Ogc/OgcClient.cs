using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace StationMap.Integration.Tests.Ogc;

/// <summary>Reads OGC API – Features answers as a client would: a page, or every page by following its links.</summary>
public static class OgcClient
{
    public const string Cgcs2000 = "http://www.opengis.net/def/crs/EPSG/0/4490";
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url, string? key = null)
    {
        using var response = await SendAsync(client, url, key);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? key = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The link of <paramref name="rel"/> in a document's links; null when it has none.</summary>
    public static string? Link(JsonElement document, string rel, string? type = null) =>
        document.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("rel").GetString() == rel && (type is null || l.GetProperty("type").GetString() == type))
            .Select(l => l.GetProperty("href").GetString())
            .FirstOrDefault();

    /// <summary>
    /// Every feature from <paramref name="first"/> on, following <paramref name="rel"/> links (next, or prev reading
    /// back), in the order read; each page's numberReturned must be what it holds and numberMatched the same throughout.
    /// </summary>
    public static async Task<(List<JsonElement> Features, int Pages, int Matched)> FollowAsync(
        HttpClient client, string first, string rel = "next", string? key = null)
    {
        var features = new List<JsonElement>();
        var pages = 0;
        int? matched = null;
        for (var url = first; url is not null; pages++)
        {
            Assert.True(pages < 10_000, "the links never end");
            var page = await GetJsonAsync(client, url, key);
            var onPage = page.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(onPage.Count, page.GetProperty("numberReturned").GetInt32());
            matched ??= page.GetProperty("numberMatched").GetInt32();
            Assert.Equal(matched, page.GetProperty("numberMatched").GetInt32());
            if (rel == "prev")
            {
                features.InsertRange(0, onPage);
            }
            else
            {
                features.AddRange(onPage);
            }
            url = Link(page, rel, "application/geo+json");
        }
        return (features, pages, matched ?? 0);
    }

    public static List<long> Ids(IEnumerable<JsonElement> features) => [.. features.Select(f => f.GetProperty("id").GetInt64())];
}
