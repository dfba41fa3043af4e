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

    /// <summary>How many stations the stream has tested so far (a walk's cost).</summary>
    public virtual long Tested { get; protected set; }
}

/// <summary>
/// A stream over items gathered beforehand (a tier small enough to measure all at once), keyed by their chords:
/// <paramref name="accept"/> turns the nearest item into a station position, or -1 to pass over it, so a tier may be
/// gathered loosely (every station of its values' lists) and checked only for the few taken.
/// </summary>
internal sealed class GatheredStream : StationStream
{
    private readonly ChordQueue _queue;
    private readonly Func<int, int> _accept;

    public GatheredStream(ChordQueue queue, Func<int, int> accept)
    {
        _queue = queue;
        _queue.Clear();
        _accept = accept;
    }

    public void Add(double chordSquared, int item) => _queue.Append(chordSquared, item);

    public void Seal() => _queue.Heapify();

    public override bool TryPeekBound(out double chordSquared)
    {
        chordSquared = _queue.Count > 0 ? _queue.TopKey : double.PositiveInfinity;
        return _queue.Count > 0;
    }

    public override bool TryTake(out int position)
    {
        var item = _queue.TopItem;
        _queue.Pop();
        position = _accept(item);
        return position >= 0;
    }
}

/// <summary>
/// A walk through the tree that turns into a gathered stream when it has tested more than a budget of stations: a
/// tier whose nearest stations are far away (a city's prefix asked from another city) costs a walk over every station
/// in between, more than measuring the tier's own stations. The gathered stream starts again from the nearest, so
/// its <c>accept</c> must pass over the stations in <paramref name="taken"/>, where the walk records what it gave.
/// </summary>
internal sealed class WalkThenGather(StationStream walk, long budget, Func<GatheredStream> gather, HashSet<int> taken) : StationStream
{
    private StationStream _current = walk;
    private bool _walking = true;

    public override bool TryPeekBound(out double chordSquared) => _current.TryPeekBound(out chordSquared);

    public override bool TryTake(out int position)
    {
        if (!_walking)
        {
            return _current.TryTake(out position);
        }
        if (_current.TryTake(out position))
        {
            taken.Add(position);
            return true;
        }
        if (_current.Tested > budget)
        {
            _current = gather();
            _walking = false;
        }
        return false;
    }
}
