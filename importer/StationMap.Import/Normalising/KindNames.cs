using StationMap.Domain;

namespace StationMap.Import.Normalising;

/// <summary>Station kinds as union lists and open data name them, in Chinese or English.</summary>
public static class KindNames
{
    // Checked in this order: a "检查站驿站" is a checkpoint rest stop before it is a 驿站.
    private static readonly (StationKind Kind, string[] Words)[] Words =
    [
        (StationKind.CheckpointRestStop, ["检查站", "卡口", "检查点", "checkpoint"]),
        (StationKind.WorkersHome, ["职工之家", "职工小家", "workers home", "workers' home", "worker's home", "workers_home"]),
        (StationKind.WarmStation,
            ["暖心驿站", "户外劳动者服务站", "户外劳动者驿站", "工会驿站", "爱心驿站", "驿站", "warm station", "warm_station", "rest station"]),
    ];

    public static bool TryParse(string? text, out StationKind kind)
    {
        if (StationKinds.TryParse(text, out kind))
        {
            return true;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        foreach (var (candidate, words) in Words)
        {
            foreach (var word in words)
            {
                if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    kind = candidate;
                    return true;
                }
            }
        }
        return false;
    }
}
