using System.Text.RegularExpressions;

namespace StationMap.Domain.Checkins;

/// <summary>
/// Keeps links and phone numbers out of the moderation queue: a comment is a few words about the station, and the
/// spam that reaches such boxes is almost always an address to visit or a number to call.
/// </summary>
public static partial class CommentScreen
{
    public const int MaxLength = 200;

    /// <summary>Why a comment is refused, or null when it may be queued.</summary>
    public static string? Refusal(string comment)
    {
        var folded = comment.Normalize(System.Text.NormalizationForm.FormKC);
        if (Link().IsMatch(folded))
        {
            return "must not contain links or web addresses";
        }
        // Digits separated by spaces, dashes or dots still dial: count the digits of each run of them.
        foreach (Match run in DigitRun().Matches(folded))
        {
            if (run.Value.Count(char.IsAsciiDigit) >= 7)
            {
                return "must not contain phone numbers";
            }
        }
        return null;
    }

    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9-]+\.(com|cn|net|org|top|xyz|cc|info|me|io|app|vip|shop)\b|微信|加v|wechat|qq\s*[:：]?\s*\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"\+?\d[\d\s\-\.()]{5,}\d")]
    private static partial Regex DigitRun();
}
