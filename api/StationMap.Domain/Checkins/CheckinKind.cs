namespace StationMap.Domain.Checkins;

/// <summary>What a person at a station tells us with one tap.</summary>
public enum CheckinKind
{
    /// <summary>I am resting here: a visit, and a sign the station is open.</summary>
    Visited,
    OpenConfirmed,
    ClosedNow,
    /// <summary>Closed for good: also queued for an operator, who may retire the station.</summary>
    ClosedPermanently,
    /// <summary>An amenity the station lists is not there (which one travels with it).</summary>
    AmenityMissing,
    Crowded,
}

public static class CheckinKinds
{
    private static readonly string[] Wire = ["visited", "open_confirmed", "closed_now", "closed_permanently", "amenity_missing", "crowded"];

    public static IReadOnlyList<string> WireNames => Wire;

    public static string ToWire(this CheckinKind kind) => Wire[(int)kind];

    public static bool TryParse(string? text, out CheckinKind kind)
    {
        var i = Array.IndexOf(Wire, text);
        kind = (CheckinKind)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>Says the station is open: a visit or an explicit confirmation.</summary>
    public static bool ConfirmsOpen(this CheckinKind kind) => kind is CheckinKind.Visited or CheckinKind.OpenConfirmed;

    public static bool ReportsClosed(this CheckinKind kind) => kind is CheckinKind.ClosedNow or CheckinKind.ClosedPermanently;
}
