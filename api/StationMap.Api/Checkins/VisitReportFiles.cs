using System.Globalization;
using System.Text;
using MiniExcelLibs;
using StationMap.Api.Infrastructure;

namespace StationMap.Api.Checkins;

/// <summary>The report's table written as a file a union's staff open in Excel: CSV (UTF-8 with a BOM) or .xlsx.</summary>
internal static class VisitReportFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The sheet of the .xlsx.</summary>
    public const string SheetName = "到访人次";

    /// <summary>
    /// CSV as RFC 4180 with a UTF-8 byte order mark: without one, Excel reads a CSV in the machine's legacy code page
    /// (GBK on a Chinese Windows) and the names come out garbled.
    /// </summary>
    public static byte[] Csv(VisitReportTable table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Headers.Select(CsvField.Quote)).Append('\n');
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(',', row.Select(cell => cell switch
            {
                null => "",
                string text => CsvField.Quote(text),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                _ => CsvField.Quote(cell.ToString()),
            })).Append('\n');
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>One sheet, the headers in its first row; counts and ids are numbers, so Excel sums and sorts them.</summary>
    public static async Task<byte[]> XlsxAsync(VisitReportTable table, CancellationToken cancellationToken)
    {
        var rows = table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(table.Headers.Count, StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                cells[table.Headers[i]] = row[i];
            }
            return cells;
        });
        using var file = new MemoryStream();
        await MiniExcel.SaveAsAsync(file, rows, sheetName: SheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return file.ToArray();
    }

    /// <summary>visits-2026-11.csv, or visits-2026-11-朝阳区.xlsx for one district.</summary>
    public static string FileName(VisitReport report, string extension) =>
        report.District is { } district ? $"visits-{report.Month}-{district}.{extension}" : $"visits-{report.Month}.{extension}";
}
