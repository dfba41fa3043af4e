using System.Text;
using Sylvan.Data.Csv;

namespace StationMap.Import.Reading;

/// <summary>
/// Reads a delimited text file with a header row (Sylvan.Data.Csv: streaming, delimiter detected from the header
/// unless given). Each data row's position is its line number, counting the header as line 1.
/// </summary>
public sealed class CsvStationReader : IStationReader
{
    private readonly CsvDataReader _csv;
    private readonly (int Ordinal, ImportField Field)[] _columns;

    public CsvStationReader(Stream stream, Encoding encoding, FieldNames names, char? delimiter, bool kindRequired)
    {
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            _csv = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                Delimiter = delimiter,
                HasHeaders = true,
                BufferSize = 1 << 16,
                OwnsReader = true,
            });
        }
        catch (Exception e) when (e is CsvFormatException or DecoderFallbackException)
        {
            text.Dispose();
            throw new ImportInputException($"cannot read the header: {e.Message}", e);
        }
        if (_csv.FieldCount == 0 || (_csv.FieldCount == 1 && string.IsNullOrWhiteSpace(_csv.GetName(0))))
        {
            _csv.Dispose();
            throw new ImportInputException("the file is empty: expected a header row");
        }
        var headers = Enumerable.Range(0, _csv.FieldCount).Select(_csv.GetName).ToArray();
        var header = HeaderColumns.Of(headers, names, kindRequired);
        if (header.Missing.Length > 0)
        {
            _csv.Dispose();
            throw new ImportInputException(header.Problem(headers));
        }
        _columns = header.Columns;
    }

    public string PositionName => "line";

    public IEnumerable<SourceRow> Rows()
    {
        var row = new SourceRow();
        // Sylvan numbers data rows from 1 after the header, so RowNumber + 1 is the line while no field spans lines.
        while (Read())
        {
            row.Clear(_csv.RowNumber + 1);
            var fieldCount = _csv.RowFieldCount;
            if (fieldCount <= 1 && (fieldCount == 0 || _csv.GetFieldSpan(0).IsWhiteSpace()))
            {
                // A blank line is not a row.
                continue;
            }
            foreach (var (ordinal, field) in _columns)
            {
                if (ordinal < fieldCount)
                {
                    var span = FormulaGuard.Unprotect(_csv.GetFieldSpan(ordinal).Trim());
                    row[field] = span.IsEmpty ? null : span.ToString();
                }
            }
            yield return row;
        }
    }

    private bool Read()
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new ImportInputException($"line {_csv.RowNumber + 1}: malformed CSV: {e.Message}", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportInputException(
                $"near line {_csv.RowNumber + 1}: the bytes are not valid in the given encoding (try --encoding gbk): {e.Message}", e);
        }
    }

    public void Dispose() => _csv.Dispose();
}
