using StationMap.Domain;
using StationMap.Domain.Queries;

namespace StationMap.Domain.Tests.Queries;

public sealed class NearestQueryParserTests
{
    private static NearestQuery? Parse(string queryString, out IReadOnlyList<ParameterProblem> problems)
    {
        var values = queryString.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "");
        return NearestQueryParser.Parse(name => values.GetValueOrDefault(name), out problems);
    }

    [Fact]
    public void Defaults_apply_when_only_the_position_is_given()
    {
        var query = Parse("lat=39.9087&lon=116.3975", out var problems);
        Assert.Empty(problems);
        Assert.NotNull(query);
        Assert.Equal(39.9087, query.Lat);
        Assert.Equal(116.3975, query.Lon);
        Assert.Equal(10, query.K);
        Assert.Empty(query.Kinds);
        Assert.Equal(Amenity.None, query.Amenities);
        Assert.False(query.OpenNow);
        Assert.Null(query.MaxDistanceM);
    }

    [Fact]
    public void Lists_and_flags_are_read()
    {
        var query = Parse("lat=-90&lon=180&k=100&kind=warm_station,%20workers_home,warm_station&amenity=toilet,hot_water&openNow=true&maxDistanceM=200000", out var problems);
        Assert.Empty(problems);
        Assert.NotNull(query);
        Assert.Equal([StationKind.WarmStation, StationKind.WorkersHome], query.Kinds);
        Assert.Equal(Amenity.Toilet | Amenity.HotWater, query.Amenities);
        Assert.True(query.OpenNow);
        Assert.Equal(200000, query.MaxDistanceM);
        Assert.Equal(100, query.K);
    }

    [Theory]
    [InlineData("lon=116", "lat", "is required")]
    [InlineData("lat=90.0000001&lon=116", "lat", "at most 90")]
    [InlineData("lat=1e3&lon=116", "lat", "at most 90")]
    [InlineData("lat=Infinity&lon=116", "lat", "must be a number")]
    [InlineData("lat=39&lon=-180.1", "lon", "at least -180")]
    [InlineData("lat=39&lon=116&k=0", "k", "between 1 and 100")]
    [InlineData("lat=39&lon=116&k=ten", "k", "whole number")]
    [InlineData("lat=39&lon=116&maxDistanceM=0", "maxDistanceM", "greater than 0")]
    [InlineData("lat=39&lon=116&maxDistanceM=200000.5", "maxDistanceM", "at most 200000")]
    [InlineData("lat=39&lon=116&kind=Bakery", "kind", "unknown kind 'Bakery'")]
    [InlineData("lat=39&lon=116&amenity=toilet,sauna", "amenity", "unknown amenity 'sauna'")]
    [InlineData("lat=39&lon=116&openNow=2", "openNow", "true or false")]
    public void Each_bad_value_is_named_with_a_reason(string queryString, string parameter, string reasonFragment)
    {
        Assert.Null(Parse(queryString, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal(parameter, problem.Parameter);
        Assert.Contains(reasonFragment, problem.Reason);
    }

    [Theory]
    [InlineData("116,39,117,40", true, "")]
    [InlineData("116.5,39.5,116.5,39.5", true, "")]
    [InlineData("116,39,117", false, "four numbers")]
    [InlineData("116,39,117,40,5", false, "four numbers")]
    [InlineData("116,39,east,40", false, "maxLon must be a number")]
    [InlineData("117,39,116,40", false, "inverted")]
    [InlineData("116,40,117,39", false, "inverted")]
    [InlineData("-180.5,39,117,40", false, "longitudes")]
    [InlineData("116,39,117,90.5", false, "latitudes")]
    public void Bounding_boxes_are_well_formed_and_not_inverted(string text, bool valid, string reasonFragment)
    {
        Assert.Equal(valid, BoundingBox.TryParse(text, out var box, out var reason));
        if (valid)
        {
            Assert.True(box.MinLon <= box.MaxLon && box.MinLat <= box.MaxLat);
        }
        else
        {
            Assert.Contains(reasonFragment, reason);
        }
    }

    [Fact]
    public void Bounding_box_edges_are_inclusive()
    {
        var box = new BoundingBox(116, 39, 117, 40);
        Assert.True(box.Contains(39, 116));
        Assert.True(box.Contains(40, 117));
        Assert.False(box.Contains(40.0000001, 116.5));
    }
}
