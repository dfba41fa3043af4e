using StationMap.Domain.Geo;

namespace StationMap.Domain.Planning;

/// <summary>
/// A uniform latitude/longitude grid over points, with cells at least one radius wide everywhere in the data,
/// so that every point within the radius of a query lies in the 3×3 cells around it; candidates from those cells
/// are then confirmed with the exact geodesic distance (Vincenty), as PostGIS <c>ST_DWithin(geography)</c> would.
/// </summary>
/// <remarks>Meant for a city or a province: it does not wrap at the antimeridian and widens towards the poles.</remarks>
public sealed class PointGrid
{
    // Shortest metres per degree: of latitude (at the equator) and of longitude per unit cos φ; so cells err wide.
    private const double MetresPerDegreeLatMin = 110_574;
    private const double MetresPerDegreeLonAtEquator = 111_319;

    private readonly double[] _lat;
    private readonly double[] _lon;
    private readonly double _radiusM;
    private readonly double _cellLat;
    private readonly double _cellLon;
    private readonly Dictionary<long, (int Start, int Count)> _cells = [];
    private readonly int[] _order;

    /// <param name="lat">Latitudes of the indexed points.</param>
    /// <param name="lon">Longitudes of the indexed points, in [-180, 180].</param>
    /// <param name="radiusM">The search radius the grid is sized for, metres.</param>
    /// <param name="maxAbsLat">The largest |latitude| of any point that will be indexed or queried.</param>
    public PointGrid(double[] lat, double[] lon, double radiusM, double maxAbsLat)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radiusM);
        _lat = lat;
        _lon = lon;
        _radiusM = radiusM;
        _cellLat = radiusM / MetresPerDegreeLatMin * 1.001;
        var reach = Math.Min(89.9, maxAbsLat + _cellLat);
        _cellLon = Math.Min(360, radiusM / (MetresPerDegreeLonAtEquator * Math.Cos(reach * Math.PI / 180)) * 1.001);

        var keys = new long[lat.Length];
        _order = new int[lat.Length];
        for (var i = 0; i < lat.Length; i++)
        {
            keys[i] = Key(Row(lat[i]), Column(lon[i]));
            _order[i] = i;
        }
        // Sorting by (cell, index) lays each cell out contiguously and in index order, which keeps results repeatable.
        Array.Sort(keys, _order);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }
            Array.Sort(_order, start, end - start);
            _cells[keys[start]] = (start, end - start);
            start = end;
        }
    }

    /// <summary>Builds a grid over sites.</summary>
    public static PointGrid Over(IReadOnlyList<SitePoint> sites, double radiusM, double maxAbsLat)
    {
        var lat = new double[sites.Count];
        var lon = new double[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            lat[i] = sites[i].Lat;
            lon[i] = sites[i].Lon;
        }
        return new PointGrid(lat, lon, radiusM, maxAbsLat);
    }

    /// <summary>Adds to <paramref name="found"/> the indices of the points within the radius of (lat, lon), ascending.</summary>
    public void Within(double lat, double lon, List<int> found)
    {
        var start = found.Count;
        var row = Row(lat);
        var column = Column(lon);
        for (var r = row - 1; r <= row + 1; r++)
        {
            for (var c = column - 1; c <= column + 1; c++)
            {
                if (!_cells.TryGetValue(Key(r, c), out var cell))
                {
                    continue;
                }
                for (var k = cell.Start; k < cell.Start + cell.Count; k++)
                {
                    var i = _order[k];
                    if (IsWithin(i, lat, lon))
                    {
                        found.Add(i);
                    }
                }
            }
        }
        found.Sort(start, found.Count - start, Comparer<int>.Default);
    }

    /// <summary>Whether any indexed point lies within the radius of (lat, lon).</summary>
    public bool AnyWithin(double lat, double lon)
    {
        var row = Row(lat);
        var column = Column(lon);
        for (var r = row - 1; r <= row + 1; r++)
        {
            for (var c = column - 1; c <= column + 1; c++)
            {
                if (!_cells.TryGetValue(Key(r, c), out var cell))
                {
                    continue;
                }
                for (var k = cell.Start; k < cell.Start + cell.Count; k++)
                {
                    if (IsWithin(_order[k], lat, lon))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private bool IsWithin(int i, double lat, double lon)
    {
        // Outside the cell-sized box in either axis cannot be within the radius; spares most Vincenty solves.
        if (Math.Abs(_lat[i] - lat) > _cellLat || Math.Abs(_lon[i] - lon) > _cellLon)
        {
            return false;
        }
        return Geodesy.DistanceMeters(lat, lon, _lat[i], _lon[i]) <= _radiusM;
    }

    private int Row(double lat) => (int)Math.Floor((lat + 90) / _cellLat);

    private int Column(double lon) => (int)Math.Floor((lon + 180) / _cellLon);

    private static long Key(int row, int column) => ((long)row << 32) | (uint)column;
}
