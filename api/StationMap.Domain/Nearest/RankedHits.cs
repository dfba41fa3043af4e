using StationMap.Domain.Geo;

namespace StationMap.Domain.Nearest;

/// <summary>
/// The best k stations found so far by (geodesic distance, id), as the database orders them: a binary max-heap whose
/// root is the worst, on arrays kept per thread.
/// </summary>
internal ref struct RankedHits
{
    [ThreadStatic]
    private static Hit[]? t_hits;

    private readonly Hit[] _hits;
    private readonly int _capacity;
    private int _count;

    public RankedHits(int capacity)
    {
        _capacity = capacity;
        _hits = t_hits is { } pooled && pooled.Length >= capacity ? pooled : t_hits = new Hit[Math.Max(capacity, 16)];
        _count = 0;
    }

    public readonly bool IsFull => _count == _capacity;

    /// <summary>The distance of the worst kept hit; only meaningful when <see cref="IsFull"/>.</summary>
    public readonly double WorstDistance => _hits[0].Line.DistanceMeters;

    public void Offer(GeodesicInverse line, long id, int position)
    {
        var hit = new Hit(line, id, position);
        if (_count < _capacity)
        {
            var i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!IsWorse(hit, _hits[parent]))
                {
                    break;
                }
                _hits[i] = _hits[parent];
                i = parent;
            }
            _hits[i] = hit;
            return;
        }
        if (IsWorse(_hits[0], hit))
        {
            SiftDown(hit, _count);
        }
    }

    /// <summary>Empties the set into <paramref name="hits"/>, nearest first, and returns how many there were.</summary>
    public int CopySorted(Span<NearestHit> hits)
    {
        var n = _count;
        for (var last = n - 1; last >= 0; last--)
        {
            var top = _hits[0];
            hits[last] = new NearestHit(top.Position, top.Line.DistanceMeters, top.Line.InitialBearingDegrees);
            SiftDown(_hits[last], last);
        }
        _count = 0;
        return n;
    }

    private readonly void SiftDown(Hit hit, int count)
    {
        if (count == 0)
        {
            return;
        }
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count)
            {
                break;
            }
            if (child + 1 < count && IsWorse(_hits[child + 1], _hits[child]))
            {
                child++;
            }
            if (!IsWorse(_hits[child], hit))
            {
                break;
            }
            _hits[i] = _hits[child];
            i = child;
        }
        _hits[i] = hit;
    }

    private static bool IsWorse(in Hit a, in Hit b) =>
        a.Line.DistanceMeters > b.Line.DistanceMeters || (a.Line.DistanceMeters == b.Line.DistanceMeters && a.Id > b.Id);

    private readonly record struct Hit(GeodesicInverse Line, long Id, int Position);
}
