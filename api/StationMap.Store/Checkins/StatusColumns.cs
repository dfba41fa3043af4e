using System.Text.Json;
using Npgsql;
using StationMap.Domain;
using StationMap.Domain.Checkins;

namespace StationMap.Store.Checkins;

/// <summary>The columns of <c>station_status</c> and their reading into a <see cref="StationStatus"/>, in one place.</summary>
internal static class StatusColumns
{
    public const string Select = """
        ss.station_id, ss.last_confirmed_at, ss.confirmed_until, ss.closed_reporters, ss.closed_since, ss.closed_until,
        ss.missing_amenities::text, ss.crowded_until
        """;

    /// <summary>How many columns <see cref="Select"/> names: the next one read after them is at this ordinal.</summary>
    public const int Count = 8;

    public static (long StationId, StationStatus Status) Read(NpgsqlDataReader reader)
    {
        DateTimeOffset? At(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
        var missing = new Dictionary<Amenity, DateTimeOffset>();
        foreach (var (name, until) in JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(reader.GetString(6)) ?? [])
        {
            if (Amenities.TryParse(name, out var amenity))
            {
                missing[amenity] = until;
            }
        }
        return (reader.GetInt64(0), new StationStatus
        {
            LastConfirmedAt = At(1), ConfirmedUntil = At(2), ClosedReporters = reader.GetInt32(3), ClosedSince = At(4), ClosedUntil = At(5),
            MissingAmenities = missing, CrowdedUntil = At(7),
        });
    }

    public static string MissingJson(StationStatus status) =>
        JsonSerializer.Serialize(status.MissingAmenities.ToDictionary(m => Amenities.ToWire(m.Key)[0], m => m.Value));
}
