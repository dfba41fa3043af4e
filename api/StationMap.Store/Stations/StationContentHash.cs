using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using StationMap.Domain;

namespace StationMap.Store.Stations;

/// <summary>
/// A 64-bit hash (XXH3) of everything a merge writes for a station except its key, so that "unchanged" is one number
/// compared per row. Two records hash alike only when every stored field is equal (up to a 2^-64 collision).
/// One instance per merge: it reuses its buffer and is not thread-safe.
/// </summary>
public sealed class StationContentHash
{
    // Part of every hash: changing what is hashed, or how, must change this so stored hashes stop matching
    // (the rows are then compared in full once and re-hashed).
    private const byte Layout = 2;

    private byte[] _buffer = new byte[512];
    private int _length;

    public long Of(StationRecord r)
    {
        _length = 0;
        Byte(Layout);
        Byte((byte)r.Kind);
        Text(r.Name);
        Text(r.Address);
        Text(r.District);
        Double(r.Lon);
        Double(r.Lat);
        Long((long)r.Amenities);
        Text(r.OpeningHours);
        Text(r.OpeningHoursOriginal);
        Byte(r.TruckParkingSpaces is null ? (byte)0 : (byte)1);
        Long(r.TruckParkingSpaces ?? 0);
        Byte(r.MaxVehicleLengthM is null ? (byte)0 : (byte)1);
        Double(r.MaxVehicleLengthM ?? 0);
        Byte(r.HazmatAllowed ? (byte)1 : (byte)0);
        Text(r.Phone);
        Text(r.Host);
        return (long)XxHash3.HashToUInt64(_buffer.AsSpan(0, _length));
    }

    // Length-prefixed, with -1 for null, so that ("ab", null) and ("a", "b") never hash the same input.
    private void Text(string? value)
    {
        if (value is null)
        {
            Long(-1);
            return;
        }
        Long(value.Length);
        var bytes = MemoryMarshal.AsBytes(value.AsSpan());
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Double(double value) => Long(BitConverter.DoubleToInt64Bits(value));

    private void Long(long value)
    {
        Reserve(sizeof(long));
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += sizeof(long);
    }

    private void Byte(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }
    }
}
