namespace StationMap.Domain.Queries;

/// <summary>Builds a <see cref="NearestQuery"/> from query-string values, or says what is wrong with them.</summary>
public static class NearestQueryParser
{
    public static NearestQuery? Parse(Func<string, string?> lookup, out IReadOnlyList<ParameterProblem> problems)
    {
        var parameters = new QueryParameters(lookup);
        var lat = parameters.RequiredDouble("lat", -90, 90);
        var lon = parameters.RequiredDouble("lon", -180, 180);
        var k = parameters.OptionalInt("k", NearestQuery.DefaultK, 1, NearestQuery.MaxK);
        var kinds = parameters.Kinds("kind");
        var amenities = parameters.Amenities("amenity");
        var openNow = parameters.OptionalBool("openNow");
        var maxDistance = parameters.OptionalDouble("maxDistanceM", 0, NearestQuery.MaxDistanceLimitM, minExclusive: true);
        var truck = parameters.TruckFilter();
        problems = parameters.Problems;
        if (!parameters.IsValid)
        {
            return null;
        }
        return new NearestQuery
        {
            Lat = lat,
            Lon = lon,
            K = k,
            Kinds = kinds,
            Amenities = amenities,
            OpenNow = openNow,
            MaxDistanceM = maxDistance,
            Truck = truck.Truck,
            VehicleLengthM = truck.VehicleLengthM,
            Hazmat = truck.Hazmat,
        };
    }
}
