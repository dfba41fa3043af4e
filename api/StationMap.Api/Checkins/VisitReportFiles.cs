using System.Globalization;
using System.IO.Compression;
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
        return await WithDefaultNamespaceAsync(file, cancellationToken);
    }

    private const string SpreadsheetNamespace = "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

    /// <summary>
    /// The workbook with its SpreadsheetML parts spelled as Excel spells them. MiniExcel prefixes every element
    /// (<c>&lt;x:row&gt;</c>): valid XML, which Excel, WPS and LibreOffice read, but readers that match element names
    /// literally do not, among them GDAL before 3.9.2 (Debian 12's, so QGIS and ogr2ogr there): it found the sheet and
    /// not one row. The prefix is dropped and its namespace made the default. Text and attribute values cannot hold a
    /// raw '&lt;', so only tags change.
    /// </summary>
    private static async Task<byte[]> WithDefaultNamespaceAsync(MemoryStream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        using var output = new MemoryStream();
        using (var source = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = new MemoryStream();
                await using (var part = entry.Open())
                {
                    await part.CopyToAsync(read, cancellationToken);
                }
                var bytes = read.ToArray();
                var text = Encoding.UTF8.GetString(bytes);
                if (text.Contains(SpreadsheetNamespace, StringComparison.Ordinal))
                {
                    bytes = Encoding.UTF8.GetBytes(text
                        .Replace("<x:", "<", StringComparison.Ordinal)
                        .Replace("</x:", "</", StringComparison.Ordinal)
                        .Replace(SpreadsheetNamespace, SpreadsheetNamespace.Replace("xmlns:x=", "xmlns=", StringComparison.Ordinal), StringComparison.Ordinal));
                }
                await using var written = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                await written.WriteAsync(bytes, cancellationToken);
            }
        }
        return output.ToArray();
    }

    /// <summary>visits-2026-11.csv, or visits-2026-11-朝阳区.xlsx for one district.</summary>
    public static string FileName(VisitReport report, string extension) =>
        report.District is { } district ? $"visits-{report.Month}-{district}.{extension}" : $"visits-{report.Month}.{extension}";
}
