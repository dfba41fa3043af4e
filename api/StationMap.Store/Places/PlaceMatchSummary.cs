namespace StationMap.Store.Places;

/// <summary>What a matching pass did.</summary>
/// <param name="Scope">Live records whose place was decided again.</param>
/// <param name="Records">Live records read to decide them (the scope and their neighbours).</param>
/// <param name="Places">Places of two records or more among the scope.</param>
/// <param name="Changed">Records whose place or pin changed.</param>
/// <param name="Queued">Pairs waiting for review among the scope after the pass.</param>
/// <param name="FullPass">Every live record was matched (many were touched, or a full pass was asked for).</param>
public sealed record PlaceMatchSummary(int Scope, int Records, int Places, int Changed, int Queued, bool FullPass)
{
    public static PlaceMatchSummary Nothing { get; } = new(0, 0, 0, 0, 0, false);
}
