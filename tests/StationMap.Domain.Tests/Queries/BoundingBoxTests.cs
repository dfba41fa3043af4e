using StationMap.Domain.Queries;

namespace StationMap.Domain.Tests.Queries;

/// <summary>The text form of a box, minLon,minLat,maxLon,maxLat, shared by the API's bbox and the importer's --region.</summary>
public sealed class BoundingBoxTests
{
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
