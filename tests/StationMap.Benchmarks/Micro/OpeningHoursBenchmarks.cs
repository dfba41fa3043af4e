using BenchmarkDotNet.Attributes;
using StationMap.Domain.Geo;
using StationMap.Domain.Hours;

namespace StationMap.Benchmarks.Micro;

/// <summary>
/// <see cref="OpeningHours.StateAt"/> for the shapes of hours the demo data uses, and for hours that follow the holiday
/// calendar or the sun; runs once per station in every nearest answer. <see cref="OpeningHours.IsOpenAt"/> is what the
/// "open now" filters run on every station they test.
/// </summary>
[MemoryDiagnoser]
public class OpeningHoursBenchmarks
{
    private static readonly LatLon Beijing = new(39.9042, 116.4074);

    private readonly DateTimeOffset _instant = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(8));
    private readonly OpeningHours _alwaysOpen = OpeningHours.Parse("24/7");
    private readonly OpeningHours _weekdaysAndWeekend = OpeningHours.Parse("Mo-Fr 08:30-17:30; Sa,Su 09:00-16:00");
    private readonly OpeningHours _pastMidnight = OpeningHours.Parse("Fr,Sa 18:00-03:00");
    private readonly OpeningHours _publicHolidaysOff = OpeningHours.Parse("Mo-Fr 08:30-17:30; PH off");
    private readonly OpeningHours _sunriseToSunset = OpeningHours.Parse("sunrise-sunset");

    [Benchmark(Baseline = true)]
    public OpeningState? AlwaysOpen() => _alwaysOpen.StateAt(_instant, Beijing);

    [Benchmark]
    public OpeningState? WeekdaysAndWeekend() => _weekdaysAndWeekend.StateAt(_instant, Beijing);

    [Benchmark]
    public OpeningState? PastMidnight() => _pastMidnight.StateAt(_instant, Beijing);

    [Benchmark]
    public OpeningState? PublicHolidaysOff() => _publicHolidaysOff.StateAt(_instant, Beijing);

    [Benchmark]
    public OpeningState? SunriseToSunset() => _sunriseToSunset.StateAt(_instant, Beijing);

    [Benchmark]
    public bool? WeekdaysAndWeekendIsOpen() => _weekdaysAndWeekend.IsOpenAt(_instant, Beijing);

    [Benchmark]
    public bool? PublicHolidaysOffIsOpen() => _publicHolidaysOff.IsOpenAt(_instant, Beijing);

    [Benchmark]
    public bool? SunriseToSunsetIsOpen() => _sunriseToSunset.IsOpenAt(_instant, Beijing);
}
