using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Checkins;

/// <summary>
/// Turns a client's random device id into the key the store keeps: HMAC-SHA256 under a secret the database never
/// sees, so rows of one device can be told apart without the device id being kept anywhere.
/// </summary>
public sealed partial class DeviceKeys
{
    private readonly byte[] _secret;

    public DeviceKeys(IOptions<CheckinOptions> options, ILogger<DeviceKeys> logger)
    {
        if (options.Value.DeviceKeySecret is { } secret)
        {
            _secret = Encoding.UTF8.GetBytes(secret);
        }
        else
        {
            _secret = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning("Checkins:DeviceKeySecret is not set: device keys will change when the process restarts");
        }
    }

    /// <summary>What a device id must look like: 16 to 64 letters, digits, '-' or '_' (the client makes a UUID).</summary>
    public static bool IsWellFormed(string? deviceId) => deviceId is not null && Shape().IsMatch(deviceId);

    public byte[] KeyOf(string deviceId) => HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(deviceId));

    /// <summary>An operator's key: the same shape as a device's, from the key holder's name.</summary>
    public byte[] KeyOfOperator(string name) => KeyOf("operator:" + name);

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex Shape();
}
