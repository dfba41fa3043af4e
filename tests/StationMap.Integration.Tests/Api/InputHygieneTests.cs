using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Integration.Tests.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Integration.Tests.Api;

/// <summary>What the hostile corpus only bounds, said exactly: which status and which field each unclean input gets.</summary>
public sealed class InputHygieneTests(DemoDatabase database) : DemoApiTests(database)
{
    [Theory]
    [InlineData("/api/imports?source=%00", HttpStatusCode.BadRequest, "source")]
    [InlineData("/api/imports?source=%FF", HttpStatusCode.BadRequest, "source")]
    [InlineData("/api/imports?source=%C0%AF", HttpStatusCode.BadRequest, "source")]
    [InlineData("/api/imports?source=%ED%A0%80", HttpStatusCode.BadRequest, "source")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&kind=%E4%B8", HttpStatusCode.BadRequest, "kind")]
    [InlineData("/api/stations/nearest?l%FFat=39.9&lon=116.4", HttpStatusCode.BadRequest, "query")]
    [InlineData("/api/stations/nearest?lat=39.9&lat=40&lon=116.4", HttpStatusCode.BadRequest, "lat")]
    [InlineData("/api/stations/nearest?lat=39.9&LAT=40&lon=116.4", HttpStatusCode.BadRequest, "LAT")]
    [InlineData("/api/stations/nearest/%FF", HttpStatusCode.BadRequest, "path")]
    public async Task An_unclean_query_or_path_is_refused_naming_the_field(string url, HttpStatusCode status, string field)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (url.StartsWith("/api/imports", StringComparison.Ordinal))
        {
            // Import runs are for operators; without a key the answer is a 401 before any parameter is read.
            var key = await Factory.Services.GetRequiredService<OperatorKeys>().CreateAsync($"hygiene-{Guid.NewGuid():N}", "operator", CancellationToken.None);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        await Problems.AssertNamesFieldAsync(await Client.SendAsync(request), status, field);
    }

    [Fact]
    public async Task A_long_query_or_too_many_parameters_is_refused_with_a_small_problem()
    {
        var list = await Client.GetAsync("/api/stations/nearest?lat=39.9&lon=116.4&amenity=" + string.Join(",", Enumerable.Repeat("x", 3950)));
        await Problems.AssertNamesFieldAsync(list, HttpStatusCode.RequestUriTooLong, "query");
        var many = await Client.GetAsync("/api/stations/nearest?lat=39.9&lon=116.4" + string.Concat(Enumerable.Range(0, 60).Select(i => $"&p{i}=1")));
        await Problems.AssertNamesFieldAsync(many, HttpStatusCode.BadRequest, "query");
    }

    [Fact]
    public async Task A_problem_lists_a_few_reasons_per_field()
    {
        var response = await Client.GetAsync("/api/stations/nearest?lat=39.9&lon=116.4&amenity=" + string.Join(",", Enumerable.Repeat("x", 1000)));
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, "amenity");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length < 4096, $"{body.Length} bytes");
        Assert.Contains("and 997 more", body);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=b")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task A_route_body_that_is_not_json_is_a_415(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"route": {"type": "LineString", "coordinates": [[116.3, 39.9], [116.4, 39.95]]}}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        await Problems.AssertNamesFieldAsync(await Client.PostAsync("/api/routes/stops", content), HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Theory]
    [InlineData("{\"route\": {\"type\": \"Line%FFString\", \"coordinates\": [[116.3, 39.9], [116.4, 39.95]]}}", "route.type")]
    [InlineData("{\"route\": {\"type\": \"LineString\", \"coordinates\": [[116.3, 39.9], [116.4, 39.95]]}, \"x\": [\"a\\u0000\"]}", "x")]
    [InlineData("{\"route\": \"\\ud800\"}", "route")]
    [InlineData("{\"r%C0%AFoute\": 1}", "body")]
    public async Task A_json_string_that_is_not_clean_text_is_a_400_naming_the_member(string json, string field)
    {
        // %FF and %C0%AF stand for raw bytes that are not UTF-8; \u0000 and \ud800 are JSON escapes.
        var bytes = Encoding.Latin1.GetBytes(System.Text.RegularExpressions.Regex.Replace(
            json, "%([0-9A-F]{2})", m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString()));
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        await Problems.AssertNamesFieldAsync(await Client.PostAsync("/api/routes/stops", content), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Deep_json_is_a_400()
    {
        var content = new StringContent(new string('[', 10_000) + new string(']', 10_000), Encoding.UTF8, "application/json");
        await Problems.AssertNamesFieldAsync(await Client.PostAsync("/api/routes/stops", content), HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task Many_unknown_keys_are_counted_not_listed()
    {
        var keys = string.Join(",", Enumerable.Range(0, 30_000).Select(i => $"\"k{i}\":0"));
        var response = await Client.PostAsync("/api/routes/stops", new StringContent("{" + keys + "}", Encoding.UTF8, "application/json"));
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, "k0");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length < 4096, $"{body.Length} bytes");
        Assert.Contains("29997 more unknown", body);
    }
}
