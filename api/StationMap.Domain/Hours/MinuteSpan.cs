namespace StationMap.Domain.Hours;

/// <summary>An open span in minutes after the start of the day it starts on; <see cref="End"/> is exclusive and may pass 1440.</summary>
internal readonly record struct MinuteSpan(int Start, int End)
{
    public const int MinutesPerDay = 24 * 60;

    public OpeningSpan ToOpeningSpan() => new(TimeSpan.FromMinutes(Start), TimeSpan.FromMinutes(End));
}
