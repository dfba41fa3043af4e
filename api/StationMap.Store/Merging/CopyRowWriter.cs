using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace StationMap.Store.Merging;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/15/sql-copy.html, "Binary Format")
/// into a raw COPY stream, for the few column types imports write. Npgsql's <see cref="NpgsqlBinaryImporter"/> resolves
/// a parameter and a converter for every value; on a million 16-column station rows that cost 3-4 s of the client's
/// CPU (a third of it), about eight times what encoding the values straight into a buffer costs here.
/// Rows are kept whole in the buffer (it grows for a row that does not fit), so each row's field count is filled in
/// once the row is done and the caller never has to state it.
/// </summary>
internal sealed class CopyRowWriter(Stream stream)
{
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    // Strict, as Npgsql's own: a string that is not valid UTF-16 fails instead of being stored altered.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int FlushAt = 1 << 16;
    private const uint TextOid = 25;
    // EWKB of a point with an SRID, little-endian: byte order, type (point | SRID flag), SRID, x, y.
    private const int EwkbPointLength = 1 + 4 + 4 + 8 + 8;

    private byte[] _buffer = InitialBuffer();
    private int _position = Header.Length;
    private int _rowStart = -1;
    private short _fields;

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    public void StartRow()
    {
        EndRow();
        if (_position >= FlushAt)
        {
            Flush();
        }
        _rowStart = _position;
        _position += 2;
        _fields = 0;
        Rows++;
    }

    /// <summary>Writes the trailer and what is still buffered; the caller then ends the COPY.</summary>
    public void Complete()
    {
        EndRow();
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), -1);
        _position += 2;
        Flush();
    }

    public void WriteNull() => Length(-1);

    public void Write(string value)
    {
        Ensure(4 + Utf8.GetMaxByteCount(value.Length));
        var written = Utf8.GetBytes(value, _buffer.AsSpan(_position + 4));
        Length(written);
        _position += written;
    }

    public void WriteOrNull(string? value)
    {
        if (value is null)
        {
            WriteNull();
        }
        else
        {
            Write(value);
        }
    }

    public void Write(int value)
    {
        Length(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    public void WriteOrNull(int? value)
    {
        if (value is { } v)
        {
            Write(v);
        }
        else
        {
            WriteNull();
        }
    }

    public void Write(long value)
    {
        Length(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_position), value);
        _position += 8;
    }

    public void Write(double value)
    {
        Length(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_position), value);
        _position += 8;
    }

    public void WriteOrNull(double? value)
    {
        if (value is { } v)
        {
            Write(v);
        }
        else
        {
            WriteNull();
        }
    }

    public void Write(bool value)
    {
        Length(1);
        _buffer[_position++] = value ? (byte)1 : (byte)0;
    }

    /// <summary>A PostGIS <c>geometry</c> point (its binary input is EWKB).</summary>
    public void WritePoint(double x, double y, int srid)
    {
        Length(EwkbPointLength);
        var span = _buffer.AsSpan(_position, EwkbPointLength);
        span[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(span[1..], 0x20000001);
        BinaryPrimitives.WriteInt32LittleEndian(span[5..], srid);
        BinaryPrimitives.WriteDoubleLittleEndian(span[9..], x);
        BinaryPrimitives.WriteDoubleLittleEndian(span[17..], y);
        _position += EwkbPointLength;
    }

    /// <summary>A one-dimensional <c>text[]</c> without NULL elements.</summary>
    public void Write(IReadOnlyList<string> values)
    {
        var most = 20;
        foreach (var value in values)
        {
            most += 4 + Utf8.GetMaxByteCount(value.Length);
        }
        Ensure(4 + most);
        var lengthAt = _position;
        _fields++;
        _position += 4;
        var span = _buffer.AsSpan();
        // An empty array has no dimensions; otherwise one, of values.Count elements numbered from 1.
        BinaryPrimitives.WriteInt32BigEndian(span[_position..], values.Count == 0 ? 0 : 1);
        BinaryPrimitives.WriteInt32BigEndian(span[(_position + 4)..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(span[(_position + 8)..], TextOid);
        _position += 12;
        if (values.Count > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[_position..], values.Count);
            BinaryPrimitives.WriteInt32BigEndian(span[(_position + 4)..], 1);
            _position += 8;
        }
        foreach (var value in values)
        {
            var written = Utf8.GetBytes(value, span[(_position + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(span[_position..], written);
            _position += 4 + written;
        }
        BinaryPrimitives.WriteInt32BigEndian(span[lengthAt..], _position - lengthAt - 4);
    }

    // A field's length word, with room for the field's bytes after it (Write(string) sizes its own room).
    private void Length(int length)
    {
        Ensure(4 + Math.Max(length, 0));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), length);
        _position += 4;
        _fields++;
    }

    private void EndRow()
    {
        if (_rowStart >= 0)
        {
            BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_rowStart), _fields);
            _rowStart = -1;
        }
    }

    // The current row stays in the buffer, so the buffer grows rather than flushes in the middle of one.
    private void Ensure(int bytes)
    {
        if (_position + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _position + bytes));
        }
    }

    // Between rows only.
    private void Flush()
    {
        stream.Write(_buffer, 0, _position);
        _position = 0;
    }

    private static byte[] InitialBuffer()
    {
        var buffer = new byte[FlushAt + (1 << 14)];
        Header.CopyTo(buffer, 0);
        return buffer;
    }
}
