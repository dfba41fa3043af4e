using System.Text.Json;
using StationMap.Api.Routes;
using StationMap.Domain.Geo;
using StationMap.Domain.Queries;
using StationMap.Domain.Routes;

namespace StationMap.Integration.Tests.Api.Parameters;

public sealed class RouteQueryParserTests
{
    private static RouteQuery? Parse(string json, out IReadOnlyList<ParameterProblem> problems)
    {
        using var document = JsonDocument.Parse(json);
        return RouteQueryParser.Parse(document.RootElement, out problems);
    }

    [Fact]
    public void Defaults_apply_and_a_feature_is_as_good_as_its_line()
    {
        var line = Parse("""{"route": {"type": "LineString", "coordinates": [[116.1, 39.7, 55.0], [116.2, 39.8]]}}""", out var problems);
        Assert.Empty(problems);
        Assert.NotNull(line);
        Assert.Equal([new LatLon(39.7, 116.1), new LatLon(39.8, 116.2)], line.Route);
        Assert.Equal(RouteQuery.DefaultCorridorM, line.CorridorM);
        Assert.Equal(default, line.Truck);
        Assert.Equal(RouteQuery.DefaultLimit, line.Limit);

        var feature = Parse("""
            {"route": {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[116.1, 39.7], [116.2, 39.8]]}},
             "corridorM": 250, "truck": true, "vehicleLengthM": 17.5, "hazmat": true, "limit": 50}
            """, out problems);
        Assert.Empty(problems);
        Assert.Equal(line.Route, feature!.Route);
        Assert.Equal((250.0, new TruckFilter(true, 17.5, true), 50), (feature.CorridorM, feature.Truck, feature.Limit));
    }

    [Theory]
    [InlineData("""{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [116.2, 39.8]]}, "corridorM": 1}""", 1.0)]
    [InlineData("""{"route": {"type": "LineString", "coordinates": [[116.1, 39.7], [116.2, 39.8]]}, "corridorM": 5000}""", 5000.0)]
    public void Corridor_limits_are_inclusive(string json, double corridor)
    {
        Assert.Equal(corridor, Parse(json, out _)!.CorridorM);
    }

    [Fact]
    public void A_flood_of_bad_positions_is_summarised()
    {
        var positions = string.Join(",", Enumerable.Range(0, 50).Select(_ => "[200, 39]"));
        Assert.Null(Parse("""{"route": {"type": "LineString", "coordinates": [""" + positions + "]}}", out var problems));
        Assert.Equal(6, problems.Count);
        Assert.All(problems, p => Assert.Equal("route.coordinates", p.Parameter));
        Assert.Contains("45 more", problems[^1].Reason);
    }
}
