using System.Text.Json.Serialization;
using StationMap.Domain.Tiles;

namespace StationMap.Api.Tiles;

/// <summary>
/// TileJSON 3.0.0 of the station tiles: where they are (<c>tiles</c>, absolute, with the request's filters), their
/// zooms, the data's bounds and the two layers with their fields. MapLibre reads it as a vector source's <c>url</c>.
/// </summary>
public sealed record TileJson(
    [property: JsonPropertyName("tilejson")] string Version,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("version")] string DataVersion,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("tiles")] IReadOnlyList<string> Tiles,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("bounds")] IReadOnlyList<double> Bounds,
    [property: JsonPropertyName("center")] IReadOnlyList<double> Center,
    [property: JsonPropertyName("vector_layers")] IReadOnlyList<TileJsonLayer> VectorLayers)
{
    public const string TileJsonVersion = "3.0.0";

    public static TileJson Of(string tileUrl, long dataVersion, (double West, double South, double East, double North)? dataBounds)
    {
        // The data's box on the Mercator grid; the whole grid while there are no stations.
        var (west, south, east, north) = dataBounds ?? (-180, -TileGrid.MaxLatitude, 180, TileGrid.MaxLatitude);
        (south, north) = (Math.Clamp(south, -TileGrid.MaxLatitude, TileGrid.MaxLatitude), Math.Clamp(north, -TileGrid.MaxLatitude, TileGrid.MaxLatitude));
        double[] bounds = [Round(west), Round(south), Round(east), Round(north)];
        return new TileJson(
            TileJsonVersion,
            "StationMap stations",
            "Rest stations for outdoor workers: clusters with exact counts up to zoom " + StationTiles.ClusterMaxZoom +
            ", every station from zoom " + StationTiles.StationsFromZoom + " (overzoom beyond).",
            dataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "xyz",
            [tileUrl],
            0,
            StationTiles.StationsFromZoom,
            bounds,
            [Round((west + east) / 2), Round((south + north) / 2), Math.Min(StationTiles.StationsFromZoom, 4)],
            [
                new TileJsonLayer(StationTileEncoder.ClustersLayer,
                    "Stations counted on an 8 × 8 grid per tile; a cell holding one station shows it in the stations layer instead. " +
                    "Summed over a zoom's tiles, every station passing the filters is counted once.",
                    0, StationTiles.ClusterMaxZoom, new Dictionary<string, string>
                    {
                        ["count"] = "Number: stations in the cluster (at least 2)",
                        ["warm_station"] = "Number: of them warm stations",
                        ["workers_home"] = "Number: of them workers homes (workers_home)",
                        ["checkpoint_rest_stop"] = "Number: of them checkpoint rest stops",
                    }),
                new TileJsonLayer(StationTileEncoder.StationsLayer,
                    "Single stations; the feature id is the station id (GET /api/stations/{id} gives the rest).",
                    0, StationTiles.StationsFromZoom, new Dictionary<string, string>
                    {
                        ["id"] = "Number: the station id",
                        ["kind"] = "String: warm_station, workers_home or checkpoint_rest_stop",
                        ["truck"] = "Boolean: has truck parking",
                        ["hazmat"] = "Boolean: takes vehicles carrying hazardous goods",
                        ["maxVehicleLengthM"] = "Number: the longest vehicle a bay takes, in metres (absent when unknown)",
                    }),
            ]);
    }

    private static double Round(double value) => Math.Round(value, 6);
}

/// <summary>One layer of the tiles, as TileJSON's <c>vector_layers</c> lists it.</summary>
public sealed record TileJsonLayer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string> Fields);
