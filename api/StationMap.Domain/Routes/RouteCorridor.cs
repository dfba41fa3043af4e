using StationMap.Domain.Geo;

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

    private const int BlockSize = 32;

    // Room for the centimetres between a chord and the ground it spans when pruning by straight-line distance.
    private const double ChordSlackM = 1;
    private const double DegreesToRadians = Math.PI / 180;
    private const double RadiansToDegrees = 180 / Math.PI;

    private readonly EarthCentred[] _vertices;
    private readonly double[] _alongM;
    private readonly Block[] _blocks;

    public RouteCorridor(IReadOnlyList<LatLon> route, double corridorM)
    {
        CorridorM = corridorM;
        var vertices = new List<EarthCentred> { EarthCentred.From(route[0].Lat, route[0].Lon) };
        for (var i = 1; i < route.Count; i++)
        {
            if (route[i] != route[i - 1])
            {
                AddLeg(vertices, route[i - 1], route[i]);
            }
        }
        _vertices = vertices.ToArray();
        _alongM = new double[_vertices.Length];
        for (var i = 1; i < _vertices.Length; i++)
        {
            _alongM[i] = _alongM[i - 1] + _vertices[i].DistanceTo(_vertices[i - 1]);
        }
        _blocks = BuildBlocks(_vertices);
    }

    public double CorridorM { get; }

    /// <summary>The route's length in metres, as <see cref="RoutePosition.AlongM"/> measures it.</summary>
    public double LengthM => _alongM[^1];

    /// <summary>
    /// Where the point is along the route, or null when it is farther than <see cref="CorridorM"/> from it. A route
    /// that passes the point more than once (doubling back, crossing itself) places it on the first passage: the first
    /// stretch of the route within the corridor, at that stretch's closest point.
    /// </summary>
    public RoutePosition? Locate(double lat, double lon)
    {
        var p = EarthCentred.From(lat, lon);
        var (east, north) = TangentAxes(lat, lon);
        var nearest = double.PositiveInfinity;
        var passage = Passage.NotFound;
        var passageOffset = double.PositiveInfinity;
        var passageAlong = 0.0;
        foreach (var block in _blocks)
        {
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
    private static void AddLeg(List<EarthCentred> vertices, LatLon from, LatLon to)
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
            vertices.Add(EarthCentred.From(lat, lon));
        }
        vertices.Add(EarthCentred.From(to.Lat, to.Lon));
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
