namespace StationMap.Domain.Places;

/// <summary>
/// A phone number as the matcher compares it: its last eight digits, whatever the list wrote around them
/// (<c>010-65123456</c>, <c>(010)6512 3456</c>, <c>+86 10 6512 3456</c> are one number).
/// </summary>
public static class PlacePhone
{
    /// <summary>The number's key, or -1 when there is none or it has fewer than seven digits.</summary>
    public static long KeyOf(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return -1;
        }
        long key = 0;
        long scale = 1;
        var digits = 0;
        // From the end: the last eight digits are the subscriber's number (seven or eight digits in China) and the
        // end of a mobile's; what comes before (country and area codes, their zeros and brackets) lists write in
        // many ways.
        for (var i = phone.Length - 1; i >= 0 && digits < 8; i--)
        {
            var c = phone[i];
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;
            if (digit < 0)
            {
                continue;
            }
            key += digit * scale;
            scale *= 10;
            digits++;
        }
        return digits >= 7 ? key + (digits == 7 ? 100_000_000 : 0) : -1;
    }
}
