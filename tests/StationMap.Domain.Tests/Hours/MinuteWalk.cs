using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

/// <summary>Checks <see cref="OpeningState.NextChange"/> against the state itself, minute by minute.</summary>
internal static class MinuteWalk
{
    /// <summary>
    /// Evaluates every minute of <paramref name="days"/> days from <paramref name="start"/>, and asserts that each of
    /// the first <paramref name="checkedDays"/> days' minutes names as its next change the minute the state really
    /// flips next (which must come within the walk).
    /// </summary>
    public static void AssertNextChangesAgree(OpeningHours hours, DateTimeOffset start, int days, int checkedDays)
    {
        var minutes = days * 24 * 60;
        var states = new OpeningState[minutes];
        for (var i = 0; i < minutes; i++)
        {
            states[i] = hours.StateAt(start.AddMinutes(i))!.Value;
        }

        for (var i = 0; i < checkedDays * 24 * 60; i++)
        {
            var flip = Enumerable.Range(i + 1, minutes - i - 1).First(j => states[j].IsOpen != states[i].IsOpen);
            Assert.Equal(start.AddMinutes(flip), states[i].NextChange);
        }
    }
}
