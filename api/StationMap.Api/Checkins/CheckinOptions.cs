using System.ComponentModel.DataAnnotations;
using StationMap.Domain.Checkins;

namespace StationMap.Api.Checkins;

/// <summary>
/// Check-ins (<c>Checkins</c> section): the device key secret, the proximity check, the status rules, retention and the
/// check-in limits that come on top of the public rate limits. Every setting can be given per run, e.g.
/// <c>Checkins__ProximityM=500</c>.
/// </summary>
public sealed class CheckinOptions
{
    public const string Section = "Checkins";

    /// <summary>
    /// The HMAC key device ids are hashed with (at least 32 characters), kept outside the database: whoever holds the
    /// database alone cannot tell which device sent what. Unset, a random one is made per process start (device
    /// history then resets with every restart): set it in production. scripts/run.sh keeps one in .stationmap.
    /// </summary>
    [MinLength(32)]
    public string? DeviceKeySecret { get; set; }

    /// <summary>The header the map client sends its random device id in.</summary>
    public const string DeviceHeader = "X-Device-Id";

    /// <summary>A check-in that sends a position farther than this from the station is refused (422).</summary>
    [Range(10, 100_000)]
    public double ProximityM { get; set; } = 300;

    /// <summary>Raw check-ins are kept this many days, then folded into daily visit counts and deleted.</summary>
    [Range(1, 3650)]
    public int RawRetentionDays { get; set; } = 90;

    [Range(1, 100)]
    public int MinReporters { get; set; } = 2;

    public TimeSpan ConfirmWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan ConfirmShownFor { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan ClosedWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan AmenityWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan CrowdedWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Check-ins one device may send at once; then one more per <see cref="DevicePeriod"/>.</summary>
    [Range(1, 100_000)]
    public int DeviceBurst { get; set; } = 10;

    public TimeSpan DevicePeriod { get; set; } = TimeSpan.FromMinutes(6);

    /// <summary>
    /// Check-ins one client address may send at once; then one more per <see cref="AddressPeriod"/>. Higher than a
    /// device's: a depot's Wi-Fi or a carrier's NAT puts many workers behind one address.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AddressBurst { get; set; } = 60;

    public TimeSpan AddressPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the check-in writer waits for more check-ins before writing a small batch that follows closely on the
    /// previous one (README, "Check-ins"): at the national peak a batch then holds about three check-ins instead of one
    /// or two, and PostgreSQL's CPU per check-in falls by about a third, for at most this much more latency. Check-ins
    /// slower than one per window are written at once. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan GatherWindow { get; set; } = TimeSpan.FromMilliseconds(3);

    /// <summary>Off: only the public rate limits apply (the benchmark's check-in load comes from one address).</summary>
    public bool LimitsEnabled { get; set; } = true;

    public StatusRules Rules => new()
    {
        MinReporters = MinReporters, ConfirmWindow = ConfirmWindow, ConfirmShownFor = ConfirmShownFor, ClosedWindow = ClosedWindow,
        AmenityWindow = AmenityWindow, CrowdedWindow = CrowdedWindow,
    };
}
