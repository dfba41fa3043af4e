using System.Buffers.Binary;
using System.Text;

namespace StationMap.Domain.Tiles;

/// <summary>
/// Writes Mapbox Vector Tiles (specification 2.1) of point layers straight to protobuf bytes: no geometry objects, no
/// attribute tables, no protobuf library. A layer's keys are fixed when it starts; its values are de-duplicated as
/// features use them. One writer is reused for many tiles (<see cref="Reset"/>); it is not thread-safe.
/// </summary>
/// <remarks>
/// Layer fields are written in the order the specification lists them (version, name, extent, keys, values, then the
/// features), which every decoder reads; a point is one MoveTo command with zig-zag coordinates.
/// </remarks>
public sealed class VectorTileWriter
{
    /// <summary>The tile's coordinate range along each axis; 4096 is the specification's default.</summary>
    public const int Extent = 4096;

    private const int PointType = 1;
    private const uint MoveToOnce = (1 & 0x7) | (1 << 3);

    private readonly Buffer _tile = new(4096);
    private readonly Buffer _features = new(4096);
    private readonly Buffer _values = new(1024);
    private readonly Dictionary<ulong, uint> _numbers = [];
    private readonly Dictionary<string, uint> _strings = new(StringComparer.Ordinal);
    private readonly uint[] _tags = new uint[64];
    private string _layerName = "";
    private IReadOnlyList<string> _keys = [];
    private uint _valueCount;
    private int _featureCount;
    private int _tagCount;

    /// <summary>Bytes of the finished layers so far.</summary>
    public ReadOnlySpan<byte> Written => _tile.Span;

    public void Reset()
    {
        _tile.Clear();
        ClearLayer();
    }

    /// <summary>Starts a layer whose features' properties are among <paramref name="keys"/> (referred to by index).</summary>
    public void BeginLayer(string name, IReadOnlyList<string> keys)
    {
        ClearLayer();
        _layerName = name;
        _keys = keys;
    }

    /// <summary>Starts a point feature at (x, y) in tile coordinates; its properties follow, then <see cref="EndFeature"/>.</summary>
    public void BeginFeature() => _tagCount = 0;

    public void AddString(int key, string value)
    {
        if (!_strings.TryGetValue(value, out var index))
        {
            index = NewValue();
            var length = Encoding.UTF8.GetByteCount(value);
            _values.WriteTag(4, 2);
            _values.WriteVarint((ulong)(1 + VarintSize((ulong)length) + length));
            _values.WriteTag(1, 2);
            _values.WriteVarint((ulong)length);
            _values.WriteUtf8(value, length);
            _strings[value] = index;
        }
        Tag(key, index);
    }

    public void AddUInt(int key, ulong value)
    {
        // Numbers of all types share one dictionary; the type is in the top bits of the key (a uint value below 2^61).
        if (value >= 1UL << 61)
        {
            throw new ArgumentOutOfRangeException(nameof(value));
        }
        var lookup = value | 1UL << 61;
        if (!_numbers.TryGetValue(lookup, out var index))
        {
            index = NewValue();
            _values.WriteTag(4, 2);
            _values.WriteVarint((ulong)(1 + VarintSize(value)));
            _values.WriteTag(5, 0);
            _values.WriteVarint(value);
            _numbers[lookup] = index;
        }
        Tag(key, index);
    }

    public void AddBool(int key, bool value)
    {
        var lookup = (value ? 1UL : 0UL) | 2UL << 61;
        if (!_numbers.TryGetValue(lookup, out var index))
        {
            index = NewValue();
            _values.WriteTag(4, 2);
            _values.WriteVarint(2);
            _values.WriteTag(7, 0);
            _values.WriteVarint(value ? 1UL : 0UL);
            _numbers[lookup] = index;
        }
        Tag(key, index);
    }

    public void AddDouble(int key, double value)
    {
        // Doubles are keyed by their bits in a dictionary of their own type bits (3 << 61) only when those bits are
        // free: the lengths and similar values written here are small positive numbers, whose top bits are 0.
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        var lookup = bits >> 61 == 0 ? bits | 3UL << 61 : 0;
        if (lookup == 0 || !_numbers.TryGetValue(lookup, out var index))
        {
            index = NewValue();
            _values.WriteTag(4, 2);
            _values.WriteVarint(9);
            _values.WriteTag(3, 1);
            _values.WriteFixed64(bits);
            if (lookup != 0)
            {
                _numbers[lookup] = index;
            }
        }
        Tag(key, index);
    }

    /// <summary>Ends the feature begun last: a point at (x, y), with an id unless <paramref name="id"/> is null.</summary>
    public void EndFeature(int x, int y, ulong? id)
    {
        Span<byte> feature = stackalloc byte[16 + 5 * 64 + 8 + 16];
        var length = 0;
        if (id is { } value)
        {
            length = Put(feature, length, 1 << 3 | 0);
            length = Put(feature, length, value);
        }
        if (_tagCount > 0)
        {
            var tagsLength = 0;
            for (var i = 0; i < _tagCount; i++)
            {
                tagsLength += VarintSize(_tags[i]);
            }
            length = Put(feature, length, 2 << 3 | 2);
            length = Put(feature, length, (ulong)tagsLength);
            for (var i = 0; i < _tagCount; i++)
            {
                length = Put(feature, length, _tags[i]);
            }
        }
        length = Put(feature, length, 3 << 3 | 0);
        length = Put(feature, length, PointType);
        var zx = ZigZag(x);
        var zy = ZigZag(y);
        length = Put(feature, length, 4 << 3 | 2);
        length = Put(feature, length, (ulong)(VarintSize(MoveToOnce) + VarintSize(zx) + VarintSize(zy)));
        length = Put(feature, length, MoveToOnce);
        length = Put(feature, length, zx);
        length = Put(feature, length, zy);
        _features.WriteTag(2, 2);
        _features.WriteVarint((ulong)length);
        _features.Write(feature[..length]);
        _featureCount++;
    }

    /// <summary>Writes the layer begun last into the tile; a layer without features is left out, as the specification allows.</summary>
    public void EndLayer()
    {
        if (_featureCount == 0)
        {
            ClearLayer();
            return;
        }
        var nameLength = Encoding.UTF8.GetByteCount(_layerName);
        var keysLength = 0;
        foreach (var key in _keys)
        {
            var length = Encoding.UTF8.GetByteCount(key);
            keysLength += 1 + VarintSize((ulong)length) + length;
        }
        var body = 2 /* version */ + 1 + VarintSize((ulong)nameLength) + nameLength + 1 + VarintSize(Extent)
            + keysLength + _values.Length + _features.Length;
        _tile.WriteTag(3, 2);
        _tile.WriteVarint((ulong)body);
        _tile.WriteTag(15, 0);
        _tile.WriteVarint(2);
        _tile.WriteTag(1, 2);
        _tile.WriteVarint((ulong)nameLength);
        _tile.WriteUtf8(_layerName, nameLength);
        _tile.WriteTag(5, 0);
        _tile.WriteVarint(Extent);
        foreach (var key in _keys)
        {
            var length = Encoding.UTF8.GetByteCount(key);
            _tile.WriteTag(3, 2);
            _tile.WriteVarint((ulong)length);
            _tile.WriteUtf8(key, length);
        }
        _tile.Write(_values.Span);
        _tile.Write(_features.Span);
        ClearLayer();
    }

    private void ClearLayer()
    {
        _features.Clear();
        _values.Clear();
        _numbers.Clear();
        _strings.Clear();
        _valueCount = 0;
        _featureCount = 0;
        _tagCount = 0;
    }

    private uint NewValue() => _valueCount++;

    private void Tag(int key, uint value)
    {
        if ((uint)key >= (uint)_keys.Count || _tagCount + 2 > _tags.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(key));
        }
        _tags[_tagCount++] = (uint)key;
        _tags[_tagCount++] = value;
    }

    private static ulong ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    private static int Put(Span<byte> span, int at, ulong value)
    {
        while (value >= 0x80)
        {
            span[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[at++] = (byte)value;
        return at;
    }

    private sealed class Buffer(int capacity)
    {
        private byte[] _bytes = new byte[capacity];

        public int Length { get; private set; }

        public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

        public void Clear() => Length = 0;

        public void WriteTag(int field, int wireType) => WriteVarint((ulong)(field << 3 | wireType));

        public void WriteVarint(ulong value)
        {
            Ensure(10);
            Length = Put(_bytes, Length, value);
        }

        public void WriteFixed64(ulong value)
        {
            Ensure(8);
            BinaryPrimitives.WriteUInt64LittleEndian(_bytes.AsSpan(Length), value);
            Length += 8;
        }

        public void WriteUtf8(string text, int byteCount)
        {
            Ensure(byteCount);
            Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_bytes.AsSpan(Length));
            Length += bytes.Length;
        }

        private void Ensure(int more)
        {
            if (Length + more > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
            }
        }
    }
}
