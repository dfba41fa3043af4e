namespace StationMap.Domain.Search;

/// <summary>
/// Stations of one match tier handed out nearest first by squared chord (the order of the angle between the ellipsoid
/// normals), lazily, so a search with a position measures only the stations that can still make its answer.
/// </summary>
internal abstract class StationStream
{
    /// <summary>A squared chord no station left is nearer than; false when none is left.</summary>
    public abstract bool TryPeekBound(out double chordSquared);

    /// <summary>
    /// Takes the nearest station left (its index position) when it is known; otherwise does a step of the work of
    /// finding it (which may raise the bound) and answers false. Call only after <see cref="TryPeekBound"/> said true.
    /// </summary>
    public abstract bool TryTake(out int position);
}

/// <summary>A stream over stations gathered beforehand: a tier small enough to measure all at once.</summary>
internal sealed class GatheredStream : StationStream
{
    private readonly ChordQueue _queue;

    public GatheredStream(ChordQueue queue)
    {
        _queue = queue;
        _queue.Clear();
    }

    public int Count => _queue.Count;

    public void Add(double chordSquared, int position) => _queue.Append(chordSquared, position);

    public void Seal() => _queue.Heapify();

    public override bool TryPeekBound(out double chordSquared)
    {
        chordSquared = _queue.Count > 0 ? _queue.TopKey : double.PositiveInfinity;
        return _queue.Count > 0;
    }

    public override bool TryTake(out int position)
    {
        position = _queue.TopItem;
        _queue.Pop();
        return true;
    }
}
