using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>Every bad input is a 400 RFC 7807 problem naming the parameter; nothing leaks a stack trace.</summary>
public sealed class ValidationTests(DemoDatabase database) : DemoApiTests(database)
{
    [Theory]
    [InlineData("/api/stations/nearest?lon=116.4", "lat")]
    [InlineData("/api/stations/nearest?lat=39.9", "lon")]
    [InlineData("/api/stations/nearest?lat=91&lon=116.4", "lat")]
    [InlineData("/api/stations/nearest?lat=-90.0001&lon=116.4", "lat")]
    [InlineData("/api/stations/nearest?lat=abc&lon=116.4", "lat")]
    [InlineData("/api/stations/nearest?lat=NaN&lon=116.4", "lat")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=180.5", "lon")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=-181", "lon")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&k=0", "k")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&k=101", "k")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&k=2.5", "k")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&maxDistanceM=0", "maxDistanceM")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&maxDistanceM=-5", "maxDistanceM")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&maxDistanceM=200001", "maxDistanceM")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&kind=bakery", "kind")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&kind=warm_station,,", "kind")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&amenity=jacuzzi", "amenity")]
    [InlineData("/api/stations/nearest?lat=39.9&lon=116.4&openNow=maybe", "openNow")]
    [InlineData("/api/stations", "bbox")]
    [InlineData("/api/stations?bbox=116,39,117", "bbox")]
    [InlineData("/api/stations?bbox=116,39,117,x", "bbox")]
    [InlineData("/api/stations?bbox=117,39,116,40", "bbox")]
    [InlineData("/api/stations?bbox=116,40,117,39", "bbox")]
    [InlineData("/api/stations?bbox=-181,39,117,40", "bbox")]
    [InlineData("/api/stations?bbox=116,-91,117,40", "bbox")]
    [InlineData("/api/stations?bbox=116,39,117,40&kind=bakery", "kind")]
    [InlineData("/api/stations?bbox=116,39,117,40&amenity=bogus", "amenity")]
    [InlineData("/api/stations?bbox=116,39,117,40&openNow=maybe", "openNow")]
    [InlineData("/api/stations?bbox=116,39,117,40&limit=0", "limit")]
    [InlineData("/api/stations?bbox=116,39,117,40&limit=5001", "limit")]
    [InlineData("/api/stations?bbox=116,39,117,40&after=-1", "after")]
    [InlineData("/api/stations?bbox=116,39,117,40&after=1.5", "after")]
    [InlineData("/api/stations?bbox=116,39,117,40&amenities=toilet", "amenities")]
    [InlineData("/api/stations?bbox=116,39,117,40&maxDistanceM=500", "maxDistanceM")]
    [InlineData("/api/stations?bbox=116,39,117,40&kind=warm_station&page=2", "page")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        await Problems.AssertNamesFieldAsync(await Client.GetAsync(url), HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_reported_at_once()
    {
        var problem = await (await Client.GetAsync("/api/stations/nearest?lat=100&lon=200&k=0")).Content.ReadFromJsonAsync<JsonElement>();
        var names = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "lat", "lon", "k" }, names);
    }

    [Fact]
    public async Task A_non_numeric_id_is_a_404_problem_without_internals()
    {
        var response = await Client.GetAsync("/api/stations/not-a-number");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
