using StationMap.Domain.Geo;
using StationMap.Domain.Nearest;

namespace StationMap.Domain.Routes;

/// <summary>
/// A route prepared for asking, point by point, "is it within the corridor, and where along the route is it".
/// </summary>
/// <remarks>
/// Each leg between two positions is the great-circle arc through them in WGS-84 latitude/longitude, as PostGIS
/// geography draws it, cut into pieces of at most <see cref="MaxPieceM"/>. A piece is replaced by its straight chord
/// in Earth-centred coordinates: a 1 km chord strays 2 cm from the arc, and chord distances within the 5 km corridor
/// are geodesic distances to a millimetre, so positions are exact to a few centimetres at any route length.
/// Pieces are grouped in blocks with a bounding sphere, so a point far from most of a long route costs little.
/// </remarks>
public sealed class RouteCorridor
{
    public const double MaxPieceM = 1_000;

    // Blocks of 8 pieces (8 km at most): a grid cell near a long route (or a snake of parallel legs) is near a few
    // blocks, and a station then measures 8 pieces per block instead of 32 (a 3,000 km snake of 85 km legs 1 km apart
    // at 5 km: 0.95 s of CPU at 1,000,000 stations with 32, 0.3 s with 8).
    private const int BlockSize = 8;

    // Room for the centimetres between a chord and the ground it spans when pruning by straight-line distance.
    private const double ChordSlackM = 1;
    private const double DegreesToRadians = Math.PI / 180;
    private const double RadiansToDegrees = 180 / Math.PI;

    private readonly EarthCentred[] _vertices;
    private readonly LatLon[] _positions;
    private readonly double[] _alongM;
    private readonly Block[] _blocks;
    private readonly int[] _allBlocks;

    public RouteCorridor(IReadOnlyList<LatLon> route, double corridorM)
    {
        CorridorM = corridorM;
        var positions = new List<LatLon> { route[0] };
        for (var i = 1; i < route.Count; i++)
        {
            if (route[i] != route[i - 1])
            {
                AddLeg(positions, route[i - 1], route[i]);
            }
        }
        _positions = positions.ToArray();
        _vertices = positions.Select(p => EarthCentred.From(p.Lat, p.Lon)).ToArray();
        _alongM = new double[_vertices.Length];
        for (var i = 1; i < _vertices.Length; i++)
        {
            _alongM[i] = _alongM[i - 1] + _vertices[i].DistanceTo(_vertices[i - 1]);
        }
        _blocks = BuildBlocks(_vertices);
        _allBlocks = Enumerable.Range(0, _blocks.Length).ToArray();
    }

    public double CorridorM { get; }

    /// <summary>The route's length in metres, as <see cref="RoutePosition.AlongM"/> measures it.</summary>
    public double LengthM => _alongM[^1];

    /// <summary>
    /// Where the point is along the route, or null when it is farther than <see cref="CorridorM"/> from it. A route
    /// that passes the point more than once (doubling back, crossing itself) places it on the first passage: the first
    /// stretch of the route within the corridor, at that stretch's closest point.
    /// </summary>
    public RoutePosition? Locate(double lat, double lon) => Locate(lat, lon, _allBlocks);

    /// <summary>
    /// <see cref="Locate(double, double)"/> for a point of a grid cell, trying only <paramref name="blocks"/> (ascending),
    /// the ones <see cref="BlocksNear"/> found for the cell: every other block is out of reach, as if tried and missed.
    /// </summary>
    public RoutePosition? Locate(double lat, double lon, ReadOnlySpan<int> blocks)
    {
        var p = EarthCentred.From(lat, lon);
        var (east, north) = TangentAxes(lat, lon);
        var nearest = double.PositiveInfinity;
        var passage = Passage.NotFound;
        var passageOffset = double.PositiveInfinity;
        var passageAlong = 0.0;
        var previous = -1;
        foreach (var tried in blocks)
        {
            if (tried != previous + 1)
            {
                // The blocks between were out of reach, so a passage in progress ended there.
                passage = passage == Passage.Open ? Passage.Closed : passage;
            }
            previous = tried;
            var block = _blocks[tried];
            if (p.DistanceTo(block.Centre) - block.Radius > CorridorM + ChordSlackM)
            {
                // Every piece of the block is outside the corridor, so a passage in progress ends here.
                passage = passage == Passage.Open ? Passage.Closed : passage;
                continue;
            }
            for (var i = block.First; i < block.End; i++)
            {
                var a = _vertices[i] - p;
                var b = _vertices[i + 1] - p;
                if (ChordDistance(a, b) > CorridorM + ChordSlackM)
                {
                    passage = passage == Passage.Open ? Passage.Closed : passage;
                    continue;
                }
                // On the plane tangent at the point, distances from it are geodesic distances to within a millimetre
                // at 5 km in every direction (an azimuthal projection), so the nearest point there is the nearest on the ground.
                var (ax, ay) = (a.Dot(east), a.Dot(north));
                var (bx, by) = (b.Dot(east), b.Dot(north));
                var (dx, dy) = (bx - ax, by - ay);
                var squared = dx * dx + dy * dy;
                var t = squared == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / squared, 0, 1);
                var offset = Math.Sqrt(Square(ax + t * dx) + Square(ay + t * dy));
                nearest = Math.Min(nearest, offset);
                switch (passage)
                {
                    case Passage.NotFound when offset <= CorridorM:
                        passage = Passage.Open;
                        (passageOffset, passageAlong) = (offset, Along(i, t));
                        break;
                    // Distance to a point along a straight piece is convex, so a piece that starts inside the corridor
                    // continues the passage, and its closest point lies within it.
                    case Passage.Open when Math.Sqrt(ax * ax + ay * ay) <= CorridorM:
                        if (offset < passageOffset)
                        {
                            (passageOffset, passageAlong) = (offset, Along(i, t));
                        }
                        break;
                    case Passage.Open:
                        passage = Passage.Closed;
                        break;
                }
            }
        }
        return passage == Passage.NotFound ? null : new RoutePosition(passageAlong, nearest);
    }

    /// <summary>
    /// The cells of <see cref="StationGrid"/> that hold every point within <see cref="CorridorM"/> +
    /// <paramref name="marginM"/> of the route, as runs of columns in a row, each cell once, rows south to north.
    /// </summary>
    /// <remarks>
    /// Each piece contributes the cells of its end points' box widened by the distance: a piece is at most 1 km, so
    /// its arc strays centimetres from that box, which the margin covers. Latitude degrees are at least 110,574 m
    /// (at the equator) and longitude degrees at least 111,320 m × cos(latitude), so the widening is never too small.
    /// </remarks>
    public List<(int Row, int FirstColumn, int LastColumn)> Cells(double marginM)
    {
        var reach = CorridorM + marginM;
        var dLat = reach / 110_574;
        var spans = new List<(int Row, int First, int Last)>();
        for (var i = 0; i + 1 < _positions.Length; i++)
        {
            var (a, b) = (_positions[i], _positions[i + 1]);
            var minLat = Math.Max(-90, Math.Min(a.Lat, b.Lat) - dLat);
            var maxLat = Math.Min(90, Math.Max(a.Lat, b.Lat) + dLat);
            var cos = Math.Cos(Math.Max(Math.Abs(minLat), Math.Abs(maxLat)) * DegreesToRadians);
            var dLon = cos < 1e-9 ? 360 : reach / (111_320 * cos);
            var (west, east) = (Math.Min(a.Lon, b.Lon) - dLon, Math.Max(a.Lon, b.Lon) + dLon);
            // A piece across the antimeridian (or a box past it, or near a pole) takes every longitude of its rows.
            var (first, last) = east - west >= 180 || west < -180 || east > 180
                ? (0, StationGrid.Columns - 1)
                : (StationGrid.ColumnOf(west), StationGrid.ColumnOf(east));
            for (var row = StationGrid.RowOf(minLat); row <= StationGrid.RowOf(maxLat); row++)
            {
                spans.Add((row, first, last));
            }
        }
        // Consecutive pieces overlap: merge the spans of each row into disjoint runs.
        spans.Sort();
        var runs = new List<(int, int, int)>();
        var (runRow, runFirst, runLast) = (-1, 0, -1);
        foreach (var (row, first, last) in spans)
        {
            if (row == runRow && first <= runLast + 1)
            {
                runLast = Math.Max(runLast, last);
                continue;
            }
            if (runRow >= 0)
            {
                runs.Add((runRow, runFirst, runLast));
            }
            (runRow, runFirst, runLast) = (row, first, last);
        }
        if (runRow >= 0)
        {
            runs.Add((runRow, runFirst, runLast));
        }
        return runs;
    }

    /// <summary>
    /// The blocks of pieces that may come within <see cref="CorridorM"/> of some point of grid cell (row, column), in
    /// route order: a point of the cell is within the cell's circumradius of its centre (measured to the corners, plus
    /// slack for the cell's curvature), so a block farther than that plus the corridor cannot reach any of them.
    /// </summary>
    public int[] BlocksNear(int row, int column)
    {
        const double size = 1.0 / StationGrid.CellsPerDegree;
        var (south, west) = (row * size - 90, column * size - 180);
        var centre = EarthCentred.From(Math.Min(90, south + size / 2), west + size / 2);
        var radius = 0.0;
        foreach (var (lat, lon) in new[] { (south, west), (south, west + size), (south + size, west), (south + size, west + size) })
        {
            radius = Math.Max(radius, centre.DistanceTo(EarthCentred.From(Math.Clamp(lat, -90, 90), lon)));
        }
        var reach = CorridorM + ChordSlackM + radius * 1.01 + 10;
        var near = new List<int>();
        for (var b = 0; b < _blocks.Length; b++)
        {
            if (centre.DistanceTo(_blocks[b].Centre) - _blocks[b].Radius <= reach)
            {
                near.Add(b);
            }
        }
        return near.ToArray();
    }

    private double Along(int piece, double t) => _alongM[piece] + t * (_alongM[piece + 1] - _alongM[piece]);

    // The straight-line distance from the origin to the chord a–b: never more than the distance on the ground, so a
    // chord farther than the corridor (and the slack) cannot come within it.
    private static double ChordDistance(EarthCentred a, EarthCentred b)
    {
        var ab = b - a;
        var squared = ab.Dot(ab);
        var t = squared == 0 ? 0 : Math.Clamp(-a.Dot(ab) / squared, 0, 1);
        return (a + t * ab).Length;
    }

    // Unit vectors pointing east and north at a point of the ellipsoid (the normal there is the geodetic vertical).
    private static (EarthCentred East, EarthCentred North) TangentAxes(double lat, double lon)
    {
        var (sinPhi, cosPhi) = Math.SinCos(lat * DegreesToRadians);
        var (sinLambda, cosLambda) = Math.SinCos(lon * DegreesToRadians);
        return (new EarthCentred(-sinLambda, cosLambda, 0), new EarthCentred(-sinPhi * cosLambda, -sinPhi * sinLambda, cosPhi));
    }

    private static double Square(double x) => x * x;

    // Interpolates the great circle through both positions (spherical linear interpolation of unit vectors).
    private static void AddLeg(List<LatLon> vertices, LatLon from, LatLon to)
    {
        var u = UnitVector(from);
        var v = UnitVector(to);
        var angle = Math.Atan2(Cross(u, v).Length, u.Dot(v));
        var pieces = Math.Max(1, (int)Math.Ceiling(angle * Geodesy.EarthRadiusMeters * 1.01 / MaxPieceM));
        var sinAngle = Math.Sin(angle);
        for (var k = 1; k < pieces; k++)
        {
            var f = (double)k / pieces;
            var w = Math.Sin((1 - f) * angle) / sinAngle * u + Math.Sin(f * angle) / sinAngle * v;
            var lat = Math.Atan2(w.Z, Math.Sqrt(w.X * w.X + w.Y * w.Y)) * RadiansToDegrees;
            var lon = Math.Atan2(w.Y, w.X) * RadiansToDegrees;
            vertices.Add(new LatLon(lat, lon));
        }
        vertices.Add(to);
    }

    private static EarthCentred UnitVector(LatLon position)
    {
        var (sinPhi, cosPhi) = Math.SinCos(position.Lat * DegreesToRadians);
        var (sinLambda, cosLambda) = Math.SinCos(position.Lon * DegreesToRadians);
        return new EarthCentred(cosPhi * cosLambda, cosPhi * sinLambda, sinPhi);
    }

    private static EarthCentred Cross(EarthCentred a, EarthCentred b) =>
        new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    private static Block[] BuildBlocks(EarthCentred[] vertices)
    {
        var pieces = Math.Max(0, vertices.Length - 1);
        var blocks = new Block[(pieces + BlockSize - 1) / BlockSize];
        for (var b = 0; b < blocks.Length; b++)
        {
            var first = b * BlockSize;
            var end = Math.Min(first + BlockSize, pieces);
            var sum = new EarthCentred(0, 0, 0);
            for (var i = first; i <= end; i++)
            {
                sum += vertices[i];
            }
            var centre = 1.0 / (end - first + 1) * sum;
            var radius = 0.0;
            for (var i = first; i <= end; i++)
            {
                radius = Math.Max(radius, centre.DistanceTo(vertices[i]));
            }
            blocks[b] = new Block(first, end, centre, radius);
        }
        return blocks;
    }

    private enum Passage
    {
        NotFound,
        Open,
        Closed,
    }

    // Pieces First..End-1 (vertices First..End) lie inside the sphere around Centre: it holds their end points, so
    // it holds the chords between them.
    private readonly record struct Block(int First, int End, EarthCentred Centre, double Radius);
}
