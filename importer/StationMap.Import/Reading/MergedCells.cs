using ExcelDataReader;

namespace StationMap.Import.Reading;

/// <summary>
/// A sheet's merged cells, applied row by row as the rows stream past: a merged range's value (the workbook keeps it
/// in its top-left cell only) is given to every cell it covers, as Excel draws it.
/// </summary>
internal sealed class MergedCells(IEnumerable<CellRange> ranges)
{
    private readonly CellRange[] _byFirstRow = [.. ranges.OrderBy(r => r.FromRow)];
    private readonly List<(CellRange Range, string? Value)> _open = [];
    private int _next;

    /// <summary>Fills <paramref name="cells"/> of row <paramref name="rowIndex"/> (from 0); rows must come in order, none skipped.</summary>
    public void Apply(long rowIndex, string?[] cells)
    {
        _open.RemoveAll(m => m.Range.ToRow < rowIndex);
        while (_next < _byFirstRow.Length && _byFirstRow[_next].FromRow <= rowIndex)
        {
            var range = _byFirstRow[_next++];
            if (range.ToRow >= rowIndex)
            {
                _open.Add((range, range.FromColumn < cells.Length ? cells[range.FromColumn] : null));
            }
        }
        foreach (var (range, value) in _open)
        {
            var last = Math.Min(range.ToColumn, cells.Length - 1);
            for (var column = range.FromColumn; column <= last; column++)
            {
                cells[column] = value;
            }
        }
    }
}
