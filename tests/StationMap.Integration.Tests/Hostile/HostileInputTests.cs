using System.Net.Http.Headers;
using System.Text.Json;

namespace StationMap.Integration.Tests.Hostile;

/// <summary>
/// Every case of the hostile corpus (<c>Hostile/cases.json</c>) against every endpoint the API maps: no 5xx, every 4xx
/// an RFC 7807 problem without internals, and every answer bounded in size.
/// </summary>
public sealed class HostileInputTests(HostileSite site) : IClassFixture<HostileSite>
{
    /// <summary>A problem names a few fields with a few reasons each; anything near this is echoing its input.</summary>
    private const int MaxProblemBytes = 64 << 10;

    /// <summary>The largest legal answer on the demo data (every station in a bbox) is well below this.</summary>
    private const int MaxAnswerBytes = 8 << 20;

    public static TheoryData<string> Cases() => [.. HostileCase.All.Select(c => c.Name)];

    [Fact]
    public void The_endpoints_are_found()
    {
        Assert.Contains(site.Endpoints, e => e.Method == "POST" && e.Pattern.RawText == "/api/routes/stops");
        Assert.Contains(site.Endpoints, e => e.Method == "GET" && e.Pattern.RawText == "/api/stations/nearest");
        Assert.Contains(site.Endpoints, e => e.Method == "GET" && e.Pattern.RawText == "/api/exports/stations.xlsx");
        Assert.Contains(site.Endpoints, e => e.Method == "GET" && e.Pattern.RawText == "/api/stations/search");
        Assert.True(site.Endpoints.Count >= 15, string.Join(", ", site.Endpoints.Select(e => $"{e.Method} {e.Pattern.RawText}")));
    }

    [Fact]
    public async Task The_keyed_reads_are_reached_past_their_door()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/exports/stations.csv?kind=bakery");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", site.OperatorKey);
        using var response = await site.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_endpoint_fails_or_answers_unbounded(string name)
    {
        var hostile = HostileCase.All.Single(c => c.Name == name);
        var targets = hostile.Path is { } fixedPath
            ? [(Method: hostile.Method ?? "GET", Path: fixedPath)]
            : site.Endpoints.Select(e => (Method: hostile.Method ?? e.Method, Path: HostileSite.PathOf(e.Pattern, hostile.Route))).Distinct().ToList();
        var failures = new List<string>();
        foreach (var (method, path) in targets)
        {
            if (await CheckAsync(hostile, method, path) is { } failure)
            {
                failures.Add($"{method} {path}: {failure}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<string?> CheckAsync(HostileCase hostile, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), hostile.Query.Length > 0 ? $"{path}?{hostile.Query}" : path);
        if (hostile.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            if (hostile.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        foreach (var (header, value) in hostile.Headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
        if (method == "GET" && HostileSite.KeyedReads.Any(p => path.StartsWith(p, StringComparison.Ordinal))
            && !hostile.Headers.ContainsKey("Authorization"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", site.OperatorKey);
        }
        HttpResponseMessage response;
        try
        {
            response = await site.Client.SendAsync(request);
        }
        catch (HttpRequestException) when (hostile.ServerRefuses)
        {
            return null;
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300));
            if (status >= 500)
            {
                return $"{status}: {text}";
            }
            if (bytes.Length > MaxAnswerBytes)
            {
                return $"{status} with {bytes.Length} bytes";
            }
            if (status < 400)
            {
                return null;
            }
            if (bytes.Length == 0 && hostile.ServerRefuses)
            {
                return null;
            }
            return Problem(status, response.Content.Headers.ContentType, bytes, text);
        }
    }

    private static string? Problem(int status, MediaTypeHeaderValue? contentType, byte[] bytes, string text)
    {
        if (contentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {contentType?.MediaType ?? "no content type"}: {text}";
        }
        if (bytes.Length > MaxProblemBytes)
        {
            return $"{status} problem of {bytes.Length} bytes: {text}";
        }
        try
        {
            using var problem = JsonDocument.Parse(bytes);
            if (!problem.RootElement.TryGetProperty("status", out var s) || s.GetInt32() != status)
            {
                return $"{status} problem without its status: {text}";
            }
        }
        catch (JsonException)
        {
            return $"{status} problem that is not JSON: {text}";
        }
        var body = System.Text.Encoding.UTF8.GetString(bytes);
        return body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal)
            ? $"{status} problem with internals: {text}"
            : null;
    }
}
