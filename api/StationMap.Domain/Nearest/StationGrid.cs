using StationMap.Domain.Queries;

namespace StationMap.Domain.Nearest;

/// <summary>
/// The stations of a <see cref="StationIndex"/> bucketed in cells of 1/<see cref="CellsPerDegree"/>° of latitude and
/// longitude and sorted row by row, so the stations in a box (a map view, a tile, a corridor's piece) are found by
/// looking at the cells it touches and nothing else. Built once with the index; immutable, like it.
/// </summary>
/// <remarks>
/// A row is a band of latitude; within it entries are sorted by column, so a row's stretch of columns is one binary
/// search and a contiguous run of positions. A box touches (rows × a run per row); a whole-world box costs one
/// lookup per row (11,521 rows) plus the stations themselves.
/// </remarks>
public sealed class StationGrid
{
    public const int CellsPerDegree = 64;

    // Latitude 90 and longitude 180 get a row and a column of their own, so every valid position has a cell.
    internal const int Rows = 180 * CellsPerDegree + 1;
    internal const int Columns = 360 * CellsPerDegree + 1;

    private readonly double[] _lats;
    private readonly double[] _lons;
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly int[] _positions;

    internal StationGrid(double[] lats, double[] lons)
    {
        _lats = lats;
        _lons = lons;
        var n = lats.Length;
        var keys = new long[n];
        _positions = new int[n];
        // The position is part of the key, so stations of one cell come in position order whatever the sort does
        // (and every answer built from the grid is the same on every build). 2.7e8 cells × 1e6 positions fits a long.
        for (var p = 0; p < n; p++)
        {
            keys[p] = ((long)RowOf(lats[p]) * Columns + ColumnOf(lons[p])) * n + p;
            _positions[p] = p;
        }
        Array.Sort(keys, _positions);
        _columns = new int[n];
        _rowStart = new int[Rows + 1];
        for (var i = 0; i < n; i++)
        {
            var cell = keys[i] / n;
            _columns[i] = (int)(cell % Columns);
            _rowStart[(int)(cell / Columns) + 1]++;
        }
        for (var r = 0; r < Rows; r++)
        {
            _rowStart[r + 1] += _rowStart[r];
        }
    }

    /// <summary>The row of the cells holding latitude <paramref name="lat"/>.</summary>
    public static int RowOf(double lat) => Math.Clamp((int)Math.Floor((lat + 90) * CellsPerDegree), 0, Rows - 1);

    /// <summary>The column of the cells holding longitude <paramref name="lon"/>.</summary>
    public static int ColumnOf(double lon) => Math.Clamp((int)Math.Floor((lon + 180) * CellsPerDegree), 0, Columns - 1);

    /// <summary>The positions in the index of the stations inside <paramref name="box"/> (edges inclusive).</summary>
    public BoxEnumerable InBox(BoundingBox box) => new(this, box);

    /// <summary>
    /// The positions of every station in columns <paramref name="firstColumn"/> to <paramref name="lastColumn"/>
    /// (inclusive) of row <paramref name="row"/>, in column order: the cells themselves, not clipped to any box.
    /// </summary>
    public ReadOnlySpan<int> Cells(int row, int firstColumn, int lastColumn)
    {
        var (start, end) = Range(row, firstColumn, lastColumn);
        return _positions.AsSpan(start, end - start);
    }

    private (int Start, int End) Range(int row, int firstColumn, int lastColumn)
    {
        var start = _rowStart[row];
        var end = _rowStart[row + 1];
        if (start == end)
        {
            return (start, start);
        }
        return (LowerBound(start, end, firstColumn), LowerBound(start, end, lastColumn + 1));
    }

    // The first entry of [start, end) whose column is at least column.
    private int LowerBound(int start, int end, int column)
    {
        while (start < end)
        {
            var mid = (start + end) >>> 1;
            if (_columns[mid] < column)
            {
                start = mid + 1;
            }
            else
            {
                end = mid;
            }
        }
        return start;
    }

    /// <summary>The stations in a box, without allocating: <c>foreach (var position in grid.InBox(box))</c>.</summary>
    public readonly struct BoxEnumerable(StationGrid grid, BoundingBox box)
    {
        public BoxEnumerator GetEnumerator() => new(grid, box);
    }

    public struct BoxEnumerator
    {
        private readonly StationGrid _grid;
        private readonly BoundingBox _box;
        private readonly int _lastRow;
        private readonly int _firstColumn;
        private readonly int _lastColumn;
        private int _row;
        private int _next;
        private int _end;

        internal BoxEnumerator(StationGrid grid, BoundingBox box)
        {
            _grid = grid;
            _box = box;
            _row = RowOf(box.MinLat) - 1;
            _lastRow = RowOf(box.MaxLat);
            _firstColumn = ColumnOf(box.MinLon);
            _lastColumn = ColumnOf(box.MaxLon);
            Current = -1;
        }

        public int Current { get; private set; }

        public bool MoveNext()
        {
            while (true)
            {
                while (_next < _end)
                {
                    var p = _grid._positions[_next++];
                    if (_box.Contains(_grid._lats[p], _grid._lons[p]))
                    {
                        Current = p;
                        return true;
                    }
                }
                if (++_row > _lastRow)
                {
                    return false;
                }
                (_next, _end) = _grid.Range(_row, _firstColumn, _lastColumn);
            }
        }
    }
}
