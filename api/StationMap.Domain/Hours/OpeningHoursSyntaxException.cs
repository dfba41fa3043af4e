namespace StationMap.Domain.Hours;

/// <summary>An <c>opening_hours</c> text that is malformed, or uses syntax this evaluator does not support.</summary>
public sealed class OpeningHoursSyntaxException : FormatException
{
    /// <summary>Creates the exception for a problem found at <paramref name="position"/>.</summary>
    /// <param name="reason">What is wrong, e.g. "expected a time like 08:00".</param>
    /// <param name="position">The 0-based character index in the text where the problem is.</param>
    public OpeningHoursSyntaxException(string reason, int position)
        : base($"opening_hours: {reason} at position {position}")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>The 0-based character index in the text where the problem is.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position, e.g. "unknown weekday 'Mx'" or "unsupported: public holidays (PH)".</summary>
    public string Reason { get; }
}
