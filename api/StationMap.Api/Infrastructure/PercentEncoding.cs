using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace StationMap.Api.Infrastructure;

/// <summary>What a percent-encoded URL component holds once decoded as UTF-8.</summary>
internal enum DecodedText
{
    Valid,
    InvalidUtf8,
    Nul,
}

/// <summary>
/// Decodes a raw URL component the way a client meant it, to see whether it is text we can take. ASP.NET Core does not
/// say: it leaves an escape that is not valid UTF-8 (<c>%FF</c>, an overlong <c>%C0%AF</c>, a surrogate <c>%ED%A0%80</c>)
/// undecoded, so <c>?source=%FF</c> reaches an endpoint as the three characters "%FF", and it decodes <c>%00</c> to a NUL
/// that PostgreSQL refuses.
/// </summary>
internal static class PercentEncoding
{
    public static DecodedText Decode(ReadOnlySpan<char> raw, bool plusIsSpace, out string text)
    {
        text = "";
        // UTF-16 to UTF-8 takes at most 3 bytes per char; an escape takes 3 chars for 1 byte.
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(raw.Length * 3, 1));
        try
        {
            var length = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '%' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
                {
                    rented[length++] = (byte)(HexValue(raw[i + 1]) << 4 | HexValue(raw[i + 2]));
                    i += 2;
                }
                else if (c == '+' && plusIsSpace)
                {
                    rented[length++] = (byte)' ';
                }
                else if (c < 0x80)
                {
                    rented[length++] = (byte)c;
                }
                else
                {
                    // Raw non-ASCII: a lone surrogate is not text; anything else is re-encoded as UTF-8.
                    var width = char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]) ? 2
                        : char.IsSurrogate(c) ? 0 : 1;
                    if (width == 0)
                    {
                        return DecodedText.InvalidUtf8;
                    }
                    length += Encoding.UTF8.GetBytes(raw.Slice(i, width), rented.AsSpan(length));
                    i += width - 1;
                }
            }
            var bytes = rented.AsSpan(0, length);
            if (!Utf8.IsValid(bytes))
            {
                return DecodedText.InvalidUtf8;
            }
            if (bytes.Contains((byte)0))
            {
                return DecodedText.Nul;
            }
            text = Encoding.UTF8.GetString(bytes);
            return DecodedText.Valid;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
