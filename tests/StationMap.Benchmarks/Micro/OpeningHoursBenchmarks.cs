using BenchmarkDotNet.Attributes;
using StationMap.Domain.Hours;

namespace StationMap.Benchmarks.Micro;

/// <summary><see cref="OpeningHours.StateAt"/> for the shapes of hours the demo data uses; runs once per station in every nearest answer.</summary>
[MemoryDiagnoser]
public class OpeningHoursBenchmarks
{
    private readonly DateTimeOffset _instant = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(8));
    private readonly OpeningHours _alwaysOpen = OpeningHours.Parse("24/7");
    private readonly OpeningHours _weekdaysAndWeekend = OpeningHours.Parse("Mo-Fr 08:30-17:30; Sa,Su 09:00-16:00");
    private readonly OpeningHours _pastMidnight = OpeningHours.Parse("Fr,Sa 18:00-03:00");

    [Benchmark(Baseline = true)]
    public OpeningState? AlwaysOpen() => _alwaysOpen.StateAt(_instant);

    [Benchmark]
    public OpeningState? WeekdaysAndWeekend() => _weekdaysAndWeekend.StateAt(_instant);

    [Benchmark]
    public OpeningState? PastMidnight() => _pastMidnight.StateAt(_instant);
}
