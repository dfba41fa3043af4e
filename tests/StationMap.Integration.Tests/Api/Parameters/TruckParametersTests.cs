using StationMap.Domain.Queries;

namespace StationMap.Integration.Tests.Api.Parameters;

/// <summary>truck, vehicleLengthM and hazmat as every stop search reads them from a query string.</summary>
public sealed class TruckParametersTests
{
    private static NearestQuery? Parse(string queryString, out IReadOnlyList<ParameterProblem> problems) =>
        QueryBinding.Nearest(queryString, out problems);

    [Theory]
    [InlineData("", false, null, false)]
    [InlineData("&truck=true", true, null, false)]
    [InlineData("&truck=1&hazmat=yes", true, null, true)]
    [InlineData("&vehicleLengthM=17.5", false, 17.5, false)]
    [InlineData("&vehicleLengthM=30&hazmat=false", false, 30.0, false)]
    [InlineData("&vehicleLengthM=0.5&truck=no", false, 0.5, false)]
    public void Filters_are_read_and_default_to_letting_everything_through(string extra, bool truck, double? length, bool hazmat)
    {
        var query = Parse("lat=39.7&lon=116.1" + extra, out var problems);
        Assert.Empty(problems);
        Assert.Equal(new TruckFilter(truck, length, hazmat), query!.TruckFilter);
        Assert.Equal((truck, length, hazmat), (query.Truck, query.VehicleLengthM, query.Hazmat));
    }

    [Theory]
    [InlineData("vehicleLengthM=0", "vehicleLengthM", "greater than 0")]
    [InlineData("vehicleLengthM=30.5", "vehicleLengthM", "at most 30")]
    [InlineData("vehicleLengthM=-17", "vehicleLengthM", "greater than 0")]
    [InlineData("vehicleLengthM=17m", "vehicleLengthM", "must be a number")]
    [InlineData("vehicleLengthM=NaN", "vehicleLengthM", "must be a number")]
    [InlineData("truck=trucks", "truck", "true or false")]
    [InlineData("hazmat=danger", "hazmat", "true or false")]
    public void Each_bad_filter_is_named_with_a_reason(string filter, string parameter, string reasonFragment)
    {
        Assert.Null(Parse("lat=39.7&lon=116.1&" + filter, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal(parameter, problem.Parameter);
        Assert.Contains(reasonFragment, problem.Reason);
    }

    [Fact]
    public void Checkpoint_stops_always_require_truck_parking()
    {
        Assert.Equal(new TruckFilter(true, 18, true), new TruckFilter(false, 18, true).RequiringTruckParking());
    }
}
