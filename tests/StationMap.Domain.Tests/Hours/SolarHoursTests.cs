using StationMap.Domain.Geo;
using StationMap.Domain.Hours;

namespace StationMap.Domain.Tests.Hours;

/// <summary>sunrise, sunset, dawn and dusk at the station's place (NOAA solar position algorithm).</summary>
public class SolarHoursTests
{
    private static readonly LatLon Beijing = new(39.9042, 116.4074);
    private static readonly LatLon Harbin = new(45.7567, 126.6424);

    private static DateTimeOffset At(string localDateTime) => DateTimeOffset.Parse(localDateTime + "+08:00");

    private static string Clock(int? minutes) => minutes is { } m ? $"{m / 60:00}:{m % 60:00}" : "none";

    [Theory]
    // Beijing at the solstices, as almanacs (e.g. timeanddate.com) publish them
    [InlineData("2026-06-21", 4 * 60 + 46, 19 * 60 + 46)]
    [InlineData("2026-12-21", 7 * 60 + 33, 16 * 60 + 53)]
    public void Beijing_sunrise_and_sunset_are_within_two_minutes_of_the_published_times(string date, int sunrise, int sunset)
    {
        var sun = SolarTimes.On(DateOnly.Parse(date), Beijing);

        Assert.InRange(sun.Sunrise!.Value, sunrise - 2, sunrise + 2);
        Assert.InRange(sun.Sunset!.Value, sunset - 2, sunset + 2);
    }

    [Fact]
    public void Harbin_sees_the_winter_sun_set_an_hour_before_Beijing()
    {
        // The sunrise equation by hand for the winter solstice at 45.76°N (declination -23.44°): a half-day of 65.0°,
        // 4 h 20 min, around a solar noon of 11:31 at 126.64°E: 07:11 to 15:51.
        var harbin = SolarTimes.On(new DateOnly(2026, 12, 21), Harbin);
        var beijing = SolarTimes.On(new DateOnly(2026, 12, 21), Beijing);

        Assert.InRange(harbin.Sunrise!.Value, 7 * 60 + 8, 7 * 60 + 14);
        Assert.InRange(harbin.Sunset!.Value, 15 * 60 + 48, 15 * 60 + 54);
        Assert.InRange(beijing.Sunset!.Value - harbin.Sunset!.Value, 55, 65);
    }

    [Fact]
    public void Civil_twilight_brackets_sunrise_and_sunset()
    {
        var sun = SolarTimes.On(new DateOnly(2026, 6, 21), Beijing);

        // At 40°N in June civil twilight lasts a little over half an hour.
        Assert.InRange(sun.Sunrise!.Value - sun.Dawn!.Value, 30, 38);
        Assert.InRange(sun.Dusk!.Value - sun.Sunset!.Value, 30, 38);
    }

    [Fact]
    public void The_sun_may_not_rise_at_all_in_the_polar_night()
    {
        var svalbard = SolarTimes.On(new DateOnly(2026, 12, 21), new LatLon(78.22, 15.65));
        var hours = OpeningHours.Parse("sunrise-sunset");

        Assert.Equal((null, null), (svalbard.Sunrise, svalbard.Sunset));
        Assert.Equal(false, hours.IsOpenAt(At("2026-12-21T19:00"), new LatLon(78.22, 15.65)));
    }

    [Theory]
    // noon and midnight, summer and winter, in Beijing and in Harbin
    [InlineData("2026-06-21T12:00", true)]
    [InlineData("2026-06-21T00:00", false)]
    [InlineData("2026-12-21T12:00", true)]
    [InlineData("2026-12-22T00:00", false)]
    public void Sunrise_to_sunset_is_open_at_noon_and_closed_at_midnight(string at, bool open)
    {
        var hours = OpeningHours.Parse("sunrise-sunset");

        Assert.Equal(open, hours.StateAt(At(at), Beijing)?.IsOpen);
        Assert.Equal(open, hours.StateAt(At(at), Harbin)?.IsOpen);
    }

    [Fact]
    public void A_winter_afternoon_is_still_day_in_Beijing_but_night_in_Harbin()
    {
        var hours = OpeningHours.Parse("sunrise-sunset");
        var at = At("2026-12-21T16:15");

        Assert.Equal(true, hours.IsOpenAt(at, Beijing));
        Assert.Equal(false, hours.IsOpenAt(at, Harbin));
    }

    [Fact]
    public void Next_change_is_the_place_s_sunset_then_its_sunrise()
    {
        var hours = OpeningHours.Parse("sunrise-sunset");
        var noon = hours.StateAt(At("2026-12-21T12:00"), Harbin)!.Value;
        var night = hours.StateAt(At("2026-12-21T20:00"), Harbin)!.Value;
        var sunset = SolarTimes.On(new DateOnly(2026, 12, 21), Harbin).Sunset!.Value;
        var sunrise = SolarTimes.On(new DateOnly(2026, 12, 22), Harbin).Sunrise!.Value;

        Assert.Equal(At("2026-12-21T00:00").AddMinutes(sunset), noon.NextChange);
        Assert.Equal(At("2026-12-22T00:00").AddMinutes(sunrise), night.NextChange);
    }

    [Theory]
    [InlineData("(sunrise+01:00)-(sunset-01:00)", "2026-06-21T05:30", false)]
    [InlineData("(sunrise+01:00)-(sunset-01:00)", "2026-06-21T06:00", true)]
    [InlineData("(sunrise+01:00)-(sunset-01:00)", "2026-06-21T19:00", false)]
    [InlineData("08:00-sunset", "2026-12-21T16:45", true)]
    [InlineData("08:00-sunset", "2026-12-21T17:00", false)]
    [InlineData("sunset-sunrise", "2026-12-21T03:00", true)]
    [InlineData("sunset-sunrise", "2026-12-21T12:00", false)]
    [InlineData("dawn-dusk", "2026-06-21T04:30", true)]
    [InlineData("dawn-dusk", "2026-06-21T04:00", false)]
    public void Solar_times_mix_with_clock_times_and_offsets_in_Beijing(string text, string at, bool open)
    {
        Assert.Equal(open, OpeningHours.Parse(text).StateAt(At(at), Beijing)?.IsOpen);
    }

    [Fact]
    public void Without_a_place_solar_hours_are_unknown()
    {
        Assert.Null(OpeningHours.Parse("sunrise-sunset").StateAt(At("2026-06-21T12:00")));
    }

    [Fact]
    public void Days_resolve_the_sun_at_the_place()
    {
        var day = Assert.Single(OpeningHours.Parse("sunrise-sunset").Days(new DateOnly(2026, 12, 21), 1, Harbin));
        var sun = SolarTimes.On(new DateOnly(2026, 12, 21), Harbin);

        var span = Assert.Single(day.Spans!);
        Assert.Equal((Clock(sun.Sunrise), Clock(sun.Sunset)), ($"{span.Start:hh\\:mm}", $"{span.End:hh\\:mm}"));
    }
}
