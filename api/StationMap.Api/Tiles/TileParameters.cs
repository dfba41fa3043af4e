using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Stations;
using StationMap.Domain;
using StationMap.Domain.Nearest;
using StationMap.Domain.Queries;

namespace StationMap.Api.Tiles;

/// <summary>
/// The filters of <c>/tiles/stations/{z}/{x}/{y}.mvt</c> and <c>/tiles/stations.json</c> (with <see cref="TruckParameters"/>):
/// those of nearest but the origin, <c>k</c> and the distance.
/// </summary>
public sealed record TileParameters : IQueryParameters
{
    [FromQuery(Name = "kind"), Description("Station kinds, comma-separated (warm_station, workers_home, checkpoint_rest_stop); every kind when absent.")]
    public QueryKinds? Kind { get; init; }

    [FromQuery(Name = "amenity"), Description("Amenities a station must all have, comma-separated (toilet, hot_water, phone_charging, ...).")]
    public QueryAmenities? Amenity { get; init; }

    [FromQuery(Name = "openNow"), Description("Only stations open now (China Standard Time): true/false. The tile then changes every minute (its ETag names the minute).")]
    public QueryFlag? OpenNow { get; init; }

    public bool IsOpenNow => OpenNow?.Value ?? false;

    [FromQuery(Name = "crs"), AllowedValues("wgs84", "gcj02")]
    [Description("Datum of the positions: wgs84 (default) or gcj02, shifted before tiling for a GCJ-02 basemap such as Amap's; the tile grid is the same.")]
    public string? Crs { get; init; }

    /// <summary>The stations are tiled at their GCJ-02 positions.</summary>
    public bool IsGcj02 => string.Equals(Crs?.Trim(), "gcj02", StringComparison.OrdinalIgnoreCase);

    void IQueryParameters.Check(List<ParameterProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(Crs) && !IsGcj02 && !string.Equals(Crs.Trim(), "wgs84", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new("crs", $"must be wgs84 or gcj02, got '{(Crs.Length > 40 ? Crs[..40] + "…" : Crs)}'"));
        }
    }

    /// <summary>The filter; call once the parameters have been checked.</summary>
    public NearestFilter Filter(TruckParameters truck, DateTimeOffset now) =>
        new(QueryKinds.Of(Kind), QueryAmenities.Of(Amenity), truck.Filter, IsOpenNow, now);

    /// <summary>
    /// The filters in one canonical spelling (kinds and amenities in vocabulary order, each once; only what filters),
    /// "?kind=...&amp;..." or "" when nothing does: the tile URLs a TileJSON hands out, so caches see one URL per filter.
    /// </summary>
    public string CanonicalQuery(TruckParameters truck)
    {
        var parts = new List<string>();
        var kinds = QueryKinds.Of(Kind);
        if (kinds.Count > 0)
        {
            parts.Add("kind=" + string.Join(',', kinds.Order().Select(k => k.ToWire())));
        }
        var amenities = QueryAmenities.Of(Amenity);
        if (amenities != Domain.Amenity.None)
        {
            parts.Add("amenity=" + string.Join(',', Amenities.ToWire(amenities)));
        }
        var filter = truck.Filter;
        if (filter.Truck)
        {
            parts.Add("truck=true");
        }
        if (filter.VehicleLengthM is { } length)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"vehicleLengthM={length:R}"));
        }
        if (filter.Hazmat)
        {
            parts.Add("hazmat=true");
        }
        if (IsOpenNow)
        {
            parts.Add("openNow=true");
        }
        if (IsGcj02)
        {
            parts.Add("crs=gcj02");
        }
        return parts.Count == 0 ? "" : new StringBuilder("?").AppendJoin('&', parts).ToString();
    }
}
