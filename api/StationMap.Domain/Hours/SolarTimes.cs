using StationMap.Domain.Geo;

namespace StationMap.Domain.Hours;

/// <summary>
/// Civil dawn, sunrise, sunset and civil dusk of one day at one place, in minutes after midnight China Standard Time
/// (rounded to the minute, as opening hours count). Null when the sun does not cross that altitude that day (polar
/// night or polar day, north of the Arctic Circle: never at a station in China).
/// </summary>
public readonly record struct SolarTimes(int? Dawn, int? Sunrise, int? Sunset, int? Dusk)
{
    // The sun's centre 50' below the horizon at sunrise and sunset (refraction and the sun's radius), 6° at civil twilight.
    private const double SunriseZenith = 90.833;
    private const double CivilZenith = 96;

    // Julian day of 2000-01-01 12:00 UTC (J2000.0), and DateOnly.DayNumber of that date.
    private const double J2000 = 2451545.0;
    private const int J2000DayNumber = 730119;

    /// <summary>The day's solar times at <paramref name="where"/>.</summary>
    /// <remarks>
    /// The NOAA solar position algorithm (NOAA Global Monitoring Laboratory's solar calculator, after Meeus,
    /// Astronomical Algorithms): the sun's declination and the equation of time at the event, the hour angle at which
    /// the sun reaches the zenith angle. Each event is estimated from the sun at noon, then computed once more at the
    /// time estimated.
    /// </remarks>
    public static SolarTimes On(DateOnly date, LatLon where) => On(date, where, sun: true, twilight: true);

    /// <summary>As <see cref="On(DateOnly, LatLon)"/>, computing only sunrise and sunset, or only dawn and dusk (the others null).</summary>
    internal static SolarTimes On(DateOnly date, LatLon where, bool sun, bool twilight)
    {
        // Mean solar noon at the longitude, in minutes after midnight UTC, and the sun then: every event starts there.
        var noon = 720 - 4 * where.Lon;
        var atNoon = Sun(date, noon);
        return new SolarTimes(
            twilight ? Event(date, where, atNoon, CivilZenith, rising: true) : null,
            sun ? Event(date, where, atNoon, SunriseZenith, rising: true) : null,
            sun ? Event(date, where, atNoon, SunriseZenith, rising: false) : null,
            twilight ? Event(date, where, atNoon, CivilZenith, rising: false) : null);
    }

    private static int? Event(DateOnly date, LatLon where, (double Declination, double EquationOfTime) atNoon, double zenith, bool rising)
    {
        var sun = atNoon;
        double utcMinutes = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            if (HourAngle(where.Lat, sun.Declination, zenith) is not { } hourAngle)
            {
                return null;
            }
            var noon = 720 - 4 * where.Lon - sun.EquationOfTime;
            utcMinutes = rising ? noon - 4 * hourAngle : noon + 4 * hourAngle;
            if (pass == 0)
            {
                sun = Sun(date, utcMinutes);
            }
        }
        return (int)Math.Round(utcMinutes + ChinaStandardTime.Offset.TotalMinutes);
    }

    // Degrees; null when the sun stays above or below the zenith angle all day.
    private static double? HourAngle(double latitude, double declination, double zenith)
    {
        var phi = Radians(latitude);
        var delta = Radians(declination);
        var cos = Math.Cos(Radians(zenith)) / (Math.Cos(phi) * Math.Cos(delta)) - Math.Tan(phi) * Math.Tan(delta);
        return cos is < -1 or > 1 ? null : Degrees(Math.Acos(cos));
    }

    // The sun's declination (degrees) and the equation of time (minutes) at utcMinutes after midnight UTC on date.
    private static (double Declination, double EquationOfTime) Sun(DateOnly date, double utcMinutes)
    {
        var julianDay = J2000 - 0.5 + (date.DayNumber - J2000DayNumber) + utcMinutes / 1440;
        var t = (julianDay - J2000) / 36525;
        var meanLongitude = Mod360(280.46646 + t * (36000.76983 + t * 0.0003032));
        var meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
        var eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        var m = Radians(meanAnomaly);
        var centre = Math.Sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t))
            + Math.Sin(2 * m) * (0.019993 - 0.000101 * t)
            + Math.Sin(3 * m) * 0.000289;
        var omega = Radians(125.04 - 1934.136 * t);
        var apparentLongitude = meanLongitude + centre - 0.00569 - 0.00478 * Math.Sin(omega);
        var meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        var obliquity = Radians(meanObliquity + 0.00256 * Math.Cos(omega));
        var declination = Degrees(Math.Asin(Math.Sin(obliquity) * Math.Sin(Radians(apparentLongitude))));

        var y = Math.Pow(Math.Tan(obliquity / 2), 2);
        var l0 = Radians(meanLongitude);
        var equationOfTime = 4 * Degrees(
            y * Math.Sin(2 * l0)
            - 2 * eccentricity * Math.Sin(m)
            + 4 * eccentricity * y * Math.Sin(m) * Math.Cos(2 * l0)
            - 0.5 * y * y * Math.Sin(4 * l0)
            - 1.25 * eccentricity * eccentricity * Math.Sin(2 * m));
        return (declination, equationOfTime);
    }

    private static double Mod360(double degrees) => ((degrees % 360) + 360) % 360;

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
