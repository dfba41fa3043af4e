using System.Globalization;
using StationMap.Domain.Tiles;

namespace StationMap.Benchmarks.Tiles;

/// <summary>
/// The baseline a tile server on PostGIS (Martin, pg_tileserv) would run: one <c>ST_AsMVT</c> query per tile of the
/// bench table <c>bench_tiles(i, z, x, y)</c>, with our clustering rule (<see cref="StationTiles"/>): up to zoom
/// <see cref="StationTiles.ClusterMaxZoom"/> each tile is cut into 8 × 8 cells, a cell of one station gives it in
/// <c>stations</c>, of more one <c>clusters</c> point at their mean (Web Mercator) position with the same properties as
/// ours (<c>count</c> and the count per kind); from zoom
/// <see cref="StationTiles.StationsFromZoom"/> every station is in <c>stations</c> (feature id = station id).
/// </summary>
internal static class TilesPgbenchScript
{
    public static int Run(string[] args)
    {
        var options = new Nearest.CommandOptions(args);
        Console.Write(Build(options.GetInt("tiles", 20_000)));
        return 0;
    }

    public static string Build(int tiles) => string.Create(CultureInfo.InvariantCulture, $$"""
        \set i random(1, {{tiles}})
        WITH t AS (
            SELECT z, ST_TileEnvelope(z, x, y) AS env FROM bench_tiles WHERE i = :i
        ), s AS (
            SELECT s.id, s.kind, coalesce(s.truck_parking_spaces, 0) > 0 AS truck, s.hazmat_allowed AS hazmat, s.max_vehicle_length_m,
                   ST_Transform(s.location, 3857) AS g, t.z, t.env
            FROM station s, t
            WHERE s.retired_at IS NULL AND s.location && ST_Transform(t.env, 4326)
        ), cells AS (
            SELECT count(*) AS n, avg(ST_X(g)) AS mx, avg(ST_Y(g)) AS my,
                   min(id) AS id, min(kind) AS kind, bool_or(truck) AS truck, bool_or(hazmat) AS hazmat,
                   max(max_vehicle_length_m) AS max_vehicle_length_m,
                   count(*) FILTER (WHERE kind = 'warm_station') AS warm, count(*) FILTER (WHERE kind = 'workers_home') AS homes,
                   count(*) FILTER (WHERE kind = 'checkpoint_rest_stop') AS stops
            FROM s
            GROUP BY CASE WHEN z >= {{StationTiles.StationsFromZoom}} THEN id ELSE
                floor((ST_X(g) - ST_XMin(env)) / (ST_XMax(env) - ST_XMin(env)) * {{1 << StationTiles.CellBits}}) * 1000
                + floor((ST_YMax(env) - ST_Y(g)) / (ST_YMax(env) - ST_YMin(env)) * {{1 << StationTiles.CellBits}}) END
        )
        SELECT coalesce((SELECT ST_AsMVT(c, 'clusters', 4096, 'geom') FROM (
                   SELECT n::int AS count, warm::int AS warm_station, homes::int AS workers_home, stops::int AS checkpoint_rest_stop,
                          ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(mx, my), 3857), env, 4096, 0, true) AS geom
                   FROM cells, t WHERE n > 1) c), '')
            || coalesce((SELECT ST_AsMVT(p, 'stations', 4096, 'geom', 'fid') FROM (
                   SELECT id AS fid, id, kind, truck, hazmat, max_vehicle_length_m AS "maxVehicleLengthM",
                          ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(mx, my), 3857), env, 4096, 0, true) AS geom
                   FROM cells, t WHERE n = 1) p), '') AS tile;

        """);
}
