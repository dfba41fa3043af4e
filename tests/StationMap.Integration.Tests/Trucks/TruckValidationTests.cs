using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Trucks;

/// <summary>Every limit of the truck endpoints is a 400 (413 for a large body) RFC 7807 problem naming the field at fault.</summary>
public sealed class TruckValidationTests(DemoDatabase database) : DemoApiTests(database)
{
    private const string Ok = """[[116.1, 39.7], [116.2, 39.75]]""";
    [Theory]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&vehicleLengthM=0", "vehicleLengthM")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&vehicleLengthM=-3", "vehicleLengthM")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&vehicleLengthM=30.01", "vehicleLengthM")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&vehicleLengthM=long", "vehicleLengthM")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&vehicleLengthM=Infinity", "vehicleLengthM")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&truck=maybe", "truck")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&hazmat=2", "hazmat")]
    [InlineData("/api/stations?bbox=116,39,117,40&vehicleLengthM=31", "vehicleLengthM")]
    [InlineData("/api/stations?bbox=116,39,117,40&truck=sometimes", "truck")]
    [InlineData("/api/stations?bbox=116,39,117,40&hazmat=x", "hazmat")]
    [InlineData("/api/checkpoints/1/stops?radiusM=0", "radiusM")]
    [InlineData("/api/checkpoints/1/stops?radiusM=100001", "radiusM")]
    [InlineData("/api/checkpoints/1/stops?radiusM=far", "radiusM")]
    [InlineData("/api/checkpoints/1/stops?k=0", "k")]
    [InlineData("/api/checkpoints/1/stops?k=101", "k")]
    [InlineData("/api/checkpoints/1/stops?vehicleLengthM=0", "vehicleLengthM")]
    [InlineData("/api/checkpoints/1/stops?vehicleLengthM=45", "vehicleLengthM")]
    [InlineData("/api/checkpoints/1/stops?hazmat=perhaps", "hazmat")]
    public async Task Bad_query_parameters_are_named(string url, string parameter)
    {
        await Problems.AssertNamesFieldAsync(await Client.GetAsync(url), HttpStatusCode.BadRequest, parameter);
    }

    public static TheoryData<string, string> BadBodies()
    {
        var data = new TheoryData<string, string>
        {
            { "{}", "route" },
            { """{"route": null}""", "route" },
            { """{"route": {"type": "Point", "coordinates": [116.1, 39.7]}}""", "route" },
            { """{"route": {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}}}""", "route" },
            { """{"route": [[116.1, 39.7], [116.2, 39.8]]}""", "route" },
            { """{"route": {"type": "LineString"}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7]]}}""", "route" },
            { """{"route": {"type": "LineString", "coordinates": []}}""", "route" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [116.1, 39.7], [116.1, 39.7]]}}""", "route" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [180.5, 39.8]]}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [-180.01, 39.8]]}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 90.5], [116.2, 39.8]]}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [116.2, -91]]}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], ["116.2", 39.8]]}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], ["NaN", 39.8]]}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [1e400, 39.8]]}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [116.2]]}}""", "route.coordinates" },
            { """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], null]}}""", "route.coordinates" },
            // Ürümqi to Beijing: about 2,400 km as the crow flies, and on to Harbin: well over 3,000 km.
            { """{"route": {"type": "LineString", "coordinates": [[87.6, 43.8], [116.4, 39.9], [126.6, 45.8]]}}""", "route" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "corridorM": 0}""", "corridorM" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "corridorM": 0.5}""", "corridorM" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "corridorM": 5000.1}""", "corridorM" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "corridorM": "1000"}""", "corridorM" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "vehicleLengthM": 0}""", "vehicleLengthM" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "vehicleLengthM": 30.5}""", "vehicleLengthM" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "vehicleLengthM": true}""", "vehicleLengthM" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "hazmat": "yes"}""", "hazmat" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "truck": 1}""", "truck" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "limit": 0}""", "limit" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "limit": 1001}""", "limit" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "limit": 2.5}""", "limit" },
            { $$"""{"route": {"type": "LineString", "coordinates": {{Ok}}}, "corridor": 500}""", "corridor" },
            { "[1, 2]", "body" },
            { "{\"route\": ", "body" },
            { "not json", "body" },
            { "", "body" },
        };
        var tooMany = string.Join(",", Enumerable.Range(0, 10_001).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{116 + i * 1e-5:0.00000},39.8]")));
        data.Add("""{"route": {"type": "LineString", "coordinates": [""" + tooMany + "]}}", "route");
        return data;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_route_bodies_are_named(string body, string field)
    {
        var response = await Client.PostAsync("/api/routes/stops", new StringContent(body, Encoding.UTF8, "application/json"));
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData(1000, HttpStatusCode.OK)]
    // 2 × 5 km × 2,990 km + 9,999 × π × (5 km)² = 815,000 km² of corridor: past the cost cap of 100,000 km².
    [InlineData(5000, HttpStatusCode.UnprocessableEntity)]
    public async Task Ten_thousand_positions_and_three_thousand_kilometres_are_accepted_within_the_corridor_area_cap(double corridorM, HttpStatusCode status)
    {
        // 10,000 positions, about 2,990 km due east along 30°N.
        var positions = string.Join(",", Enumerable.Range(0, 10_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{90 + i * 0.0031:0.0000},30]")));
        var response = await Client.PostAsync("/api/routes/stops",
            new StringContent("""{"route": {"type": "LineString", "coordinates": [""" + positions + """]}, "corridorM": """ + corridorM.ToString(CultureInfo.InvariantCulture) + "}", Encoding.UTF8, "application/json"));
        if (status == HttpStatusCode.OK)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        else
        {
            await Problems.AssertNamesFieldAsync(response, status, "corridorM");
        }
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_a_413_problem_naming_the_body()
    {
        var padding = new string(' ', 1 << 20);
        var body = """{"route": {"type": "LineString", "coordinates": """ + Ok + "}" + padding + "}";
        var response = await Client.PostAsync("/api/routes/stops", new StringContent(body, Encoding.UTF8, "application/json"));
        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");

        // Without a Content-Length (chunked), the body is cut off as it is read.
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/routes/stops") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await Problems.AssertNamesFieldAsync(await Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task Several_bad_fields_are_all_reported_at_once()
    {
        var body = """{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [200, 39.8], [116.3, 95]]}, "corridorM": 9000, "hazmat": "no"}""";
        var response = await Client.PostAsync("/api/routes/stops", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "route.coordinates", "corridorM", "hazmat" }, names);
        Assert.Equal(2, problem.RootElement.GetProperty("errors").GetProperty("route.coordinates").GetArrayLength());
    }
}
