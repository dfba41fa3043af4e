using System.Globalization;
using System.Text;
using System.Xml;
using ExcelDataReader;

namespace StationMap.Import.Reading;

/// <summary>
/// Reads one sheet of an Excel workbook (<c>.xlsx</c>) with ExcelDataReader, row by row (the sheet is never held; the
/// workbook's shared-string table is, as every xlsx reader that does not spill it to disk must). The first visible
/// sheet unless one is named. The header is the first row, among the first <see cref="HeaderRowsSearched"/>, that
/// names the required columns as a CSV header would (<see cref="HeaderColumns"/>): title rows above it are skipped,
/// and a merged cell counts in every cell it covers, so a two-row header whose upper cells are merged downwards, or
/// a group title over 经度/纬度, reads by its lower row. Merged cells in the data fill every row and column they cover
/// (a 所属区 merged down ten rows gives each of them the district), as Excel shows them. A row's position is its row
/// number as Excel shows it (the first row is 1); blank rows are skipped. Numbers are given as their shortest text
/// that reads back to the same value, so a coordinate stored as a number or as text imports alike.
/// </summary>
public sealed class XlsxStationReader : IStationReader
{
    /// <summary>How far down the sheet the header row may be (below a title and notes).</summary>
    public const int HeaderRowsSearched = 20;

    private readonly IExcelDataReader _excel;
    private readonly FieldNames _names;
    private readonly bool _kindRequired;
    private readonly MergedCells _merged;

    public XlsxStationReader(Stream stream, FieldNames names, string? sheet, bool kindRequired)
    {
        // ExcelDataReader asks for code page 1252 when it is set up, even for xlsx (UTF-8 inside).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _names = names;
        _kindRequired = kindRequired;
        try
        {
            _excel = ExcelReaderFactory.CreateOpenXmlReader(stream);
        }
        catch (Exception e) when (IsMalformed(e))
        {
            stream.Dispose();
            throw new ImportInputException($"not a readable .xlsx workbook: {e.Message}", e);
        }
        try
        {
            SelectSheet(sheet);
        }
        catch
        {
            _excel.Dispose();
            throw;
        }
        SheetName = _excel.Name;
        _merged = new MergedCells(_excel.MergeCells ?? []);
    }

    public string PositionName => "row";

    /// <summary>The sheet being read.</summary>
    public string SheetName { get; }

    public IEnumerable<SourceRow> Rows()
    {
        var columns = FindHeader();
        var row = new SourceRow();
        var cells = new string?[Math.Max(_excel.FieldCount, 1)];
        while (Read())
        {
            if (_excel.FieldCount > cells.Length)
            {
                // A row wider than the sheet's stated dimension.
                Array.Resize(ref cells, _excel.FieldCount);
            }
            var number = _excel.Depth + 1L;
            Fill(cells, number);
            if (Array.TrueForAll(cells, c => c is null))
            {
                // A blank row (or one with formatting only) is not a row.
                continue;
            }
            row.Clear(number);
            foreach (var (ordinal, field) in columns)
            {
                row[field] = ordinal < cells.Length ? cells[ordinal] : null;
            }
            yield return row;
        }
    }

    // The header row's columns; the reader is left on the header row, so the next row read is the first data row.
    private (int Ordinal, ImportField Field)[] FindHeader()
    {
        HeaderColumns? closest = null;
        string?[]? closestRow = null;
        while (_excel.Depth + 1 < HeaderRowsSearched && Read())
        {
            var cells = new string?[Math.Max(_excel.FieldCount, 1)];
            Fill(cells, _excel.Depth + 1L);
            if (Array.TrueForAll(cells, c => c is null))
            {
                continue;
            }
            var header = HeaderColumns.Of(cells, _names, _kindRequired);
            if (header.Missing.Length == 0)
            {
                return header.Columns;
            }
            if (closest is null || header.Columns.Length > closest.Columns.Length)
            {
                (closest, closestRow) = (header, cells);
            }
        }
        if (closest is null)
        {
            throw new ImportInputException($"sheet '{SheetName}' is empty: expected a header row");
        }
        throw new ImportInputException(
            $"sheet '{SheetName}': no row among the first {HeaderRowsSearched} names the required columns; " +
            closest.Problem(closestRow!));
    }

    private void Fill(string?[] cells, long number)
    {
        var count = Math.Min(_excel.FieldCount, cells.Length);
        for (var i = 0; i < count; i++)
        {
            cells[i] = Text(_excel.GetValue(i));
        }
        Array.Clear(cells, count, cells.Length - count);
        _merged.Apply(number - 1, cells);
    }

    /// <summary>A cell as the text a CSV export of it would hold; null when empty.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : FormulaGuard.Unprotect(s.AsSpan().Trim()).ToString(),
        // Whole numbers (ids, phone numbers, counts) without a decimal point or an exponent; others as the shortest
        // text that reads back as the same double.
        double d when Math.Abs(d) < 9e15 && d == Math.Floor(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        // A time typed into a cell (8:00) is a date on Excel's day zero; a date keeps its time only when it has one.
        DateTime t when t.Year < 1900 => t.ToString(t.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private void SelectSheet(string? sheet)
    {
        var names = new List<string>();
        do
        {
            var name = _excel.Name;
            names.Add(name);
            var wanted = sheet is null
                ? _excel.VisibleState is null or "visible"
                : string.Equals(name.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase);
            if (wanted)
            {
                return;
            }
        }
        while (_excel.NextResult());
        throw new ImportInputException(sheet is null
            ? "the workbook has no visible sheet"
            : $"--sheet: the workbook has no sheet '{sheet}'; its sheets are: {string.Join(", ", names)}");
    }

    private bool Read()
    {
        try
        {
            return _excel.Read();
        }
        catch (Exception e) when (IsMalformed(e))
        {
            throw new ImportInputException($"sheet '{SheetName}' is malformed near row {_excel.Depth + 2}: {e.Message}", e);
        }
    }

    private static bool IsMalformed(Exception e) =>
        e is InvalidDataException or XmlException or FormatException or ExcelDataReader.Exceptions.ExcelReaderException
            or IOException or ArgumentException or InvalidOperationException;

    public void Dispose() => _excel.Dispose();
}
