using System.Buffers.Binary;
using System.Text;

namespace StationMap.Tests.Tiles;

/// <summary>
/// A small, strict Mapbox Vector Tile 2.1 decoder for the tests, written from the specification and sharing nothing
/// with the encoder: it reads any field order, packed or unpacked repeated fields, and fails on what the
/// specification forbids (a tag without a key or value, a value with no or several fields, a point that is not one
/// MoveTo, a layer version other than 2, duplicate keys).
/// </summary>
public static class MvtDecoder
{
    public sealed record Layer(string Name, int Version, int Extent, IReadOnlyList<Feature> Features);

    public sealed record Feature(ulong? Id, int X, int Y, IReadOnlyDictionary<string, object> Properties)
    {
        public long Long(string key) => Convert.ToInt64(Properties[key], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The tile's layers by name.</summary>
    public static IReadOnlyDictionary<string, Layer> Decode(ReadOnlySpan<byte> tile)
    {
        var layers = new Dictionary<string, Layer>();
        var reader = new Reader(tile);
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            if (field == 3 && wire == 2)
            {
                var layer = DecodeLayer(reader.Bytes());
                if (!layers.TryAdd(layer.Name, layer))
                {
                    throw new FormatException($"two layers named {layer.Name}");
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }
        return layers;
    }

    private static Layer DecodeLayer(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        string? name = null;
        var version = 1;
        var extent = 4096;
        var keys = new List<string>();
        var values = new List<object>();
        var rawFeatures = new List<(int Start, int Length)>();
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            switch (field, wire)
            {
                case (1, 2):
                    name = Encoding.UTF8.GetString(reader.Bytes());
                    break;
                case (2, 2):
                    var length = reader.Bytes().Length;
                    rawFeatures.Add((reader.Position - length, length));
                    break;
                case (3, 2):
                    keys.Add(Encoding.UTF8.GetString(reader.Bytes()));
                    break;
                case (4, 2):
                    values.Add(DecodeValue(reader.Bytes()));
                    break;
                case (5, 0):
                    extent = (int)reader.Varint();
                    break;
                case (15, 0):
                    version = (int)reader.Varint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        if (name is null)
        {
            throw new FormatException("a layer without a name");
        }
        if (version != 2)
        {
            throw new FormatException($"layer {name} has version {version}, not 2");
        }
        if (keys.Distinct().Count() != keys.Count)
        {
            throw new FormatException($"layer {name} repeats a key");
        }
        var features = new List<Feature>(rawFeatures.Count);
        foreach (var (start, length) in rawFeatures)
        {
            features.Add(DecodeFeature(bytes.Slice(start, length), keys, values));
        }
        return new Layer(name, version, extent, features);
    }

    private static Feature DecodeFeature(ReadOnlySpan<byte> bytes, List<string> keys, List<object> values)
    {
        var reader = new Reader(bytes);
        ulong? id = null;
        var tags = new List<ulong>();
        var geometry = new List<ulong>();
        var type = 0UL;
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            switch (field, wire)
            {
                case (1, 0):
                    id = reader.Varint();
                    break;
                case (2, 2):
                    tags.AddRange(Packed(reader.Bytes()));
                    break;
                case (2, 0):
                    tags.Add(reader.Varint());
                    break;
                case (3, 0):
                    type = reader.Varint();
                    break;
                case (4, 2):
                    geometry.AddRange(Packed(reader.Bytes()));
                    break;
                case (4, 0):
                    geometry.Add(reader.Varint());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        if (type != 1)
        {
            throw new FormatException($"geometry type {type}, not POINT");
        }
        if (geometry.Count != 3 || (geometry[0] & 7) != 1 || geometry[0] >> 3 != 1)
        {
            throw new FormatException($"a point must be one MoveTo of one position, got [{string.Join(",", geometry)}]");
        }
        if (tags.Count % 2 != 0)
        {
            throw new FormatException("odd number of tags");
        }
        var properties = new Dictionary<string, object>();
        for (var i = 0; i < tags.Count; i += 2)
        {
            if (tags[i] >= (ulong)keys.Count || tags[i + 1] >= (ulong)values.Count)
            {
                throw new FormatException($"tag {tags[i]}={tags[i + 1]} outside {keys.Count} keys, {values.Count} values");
            }
            if (!properties.TryAdd(keys[(int)tags[i]], values[(int)tags[i + 1]]))
            {
                throw new FormatException($"key {keys[(int)tags[i]]} twice on one feature");
            }
        }
        return new Feature(id, UnZigZag(geometry[1]), UnZigZag(geometry[2]), properties);
    }

    private static object DecodeValue(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        object? value = null;
        var fields = 0;
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            fields++;
            value = (field, wire) switch
            {
                (1, 2) => Encoding.UTF8.GetString(reader.Bytes()),
                (2, 5) => (double)BinaryPrimitives.ReadSingleLittleEndian(reader.Fixed(4)),
                (3, 1) => BinaryPrimitives.ReadDoubleLittleEndian(reader.Fixed(8)),
                (4, 0) => (long)reader.Varint(),
                (5, 0) => reader.Varint(),
                (6, 0) => (long)UnZigZag64(reader.Varint()),
                (7, 0) => reader.Varint() != 0,
                _ => throw new FormatException($"value field {field} of wire type {wire}"),
            };
        }
        if (fields != 1)
        {
            throw new FormatException($"a value with {fields} fields");
        }
        return value!;
    }

    private static List<ulong> Packed(ReadOnlySpan<byte> bytes)
    {
        var list = new List<ulong>();
        var reader = new Reader(bytes);
        while (!reader.End)
        {
            list.Add(reader.Varint());
        }
        return list;
    }

    private static int UnZigZag(ulong value) => (int)((uint)(value >> 1) ^ (uint)-(int)(value & 1));

    private static long UnZigZag64(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public readonly bool End => Position >= _bytes.Length;

        public (int Field, int Wire) Tag()
        {
            var tag = Varint();
            return ((int)(tag >> 3), (int)(tag & 7));
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = _bytes[Position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
            throw new FormatException("varint too long");
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var length = checked((int)Varint());
            var slice = _bytes.Slice(Position, length);
            Position += length;
            return slice;
        }

        public ReadOnlySpan<byte> Fixed(int size)
        {
            var slice = _bytes.Slice(Position, size);
            Position += size;
            return slice;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0:
                    Varint();
                    break;
                case 1:
                    Position += 8;
                    break;
                case 2:
                    Bytes();
                    break;
                case 5:
                    Position += 4;
                    break;
                default:
                    throw new FormatException($"wire type {wire}");
            }
        }
    }
}
