using StationMap.Domain;
using StationMap.Domain.Queries;

namespace StationMap.Integration.Tests.Api.Parameters;

public sealed class NearestParametersTests
{
    private static NearestQuery? Parse(string queryString, out IReadOnlyList<ParameterProblem> problems) =>
        QueryBinding.Nearest(queryString, out problems);

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
}
