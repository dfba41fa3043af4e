namespace StationMap.Domain.Places;

/// <summary>
/// Unions records into places under two rules: a place holds at most one record of each source (the matcher's rule,
/// which an operator's link may override), and two records an operator unlinked never share a place. Components keep
/// their members and sources; merging the smaller into the larger keeps the cost at O(n log n) over the pass.
/// </summary>
internal sealed class PlaceAssignment
{
    private readonly int[] _parent;
    private readonly List<int>?[] _members;
    private readonly List<int>?[] _sources;
    private readonly int[] _source;
    private readonly Dictionary<int, List<int>> _apart = [];

    public PlaceAssignment(PreparedRecord[] records)
    {
        _parent = new int[records.Length];
        _members = new List<int>?[records.Length];
        _sources = new List<int>?[records.Length];
        _source = new int[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            _parent[i] = i;
            _source[i] = records[i].Source;
        }
    }

    /// <summary>Records <paramref name="a"/> and <paramref name="b"/> must never share a place.</summary>
    public void KeepApart(int a, int b)
    {
        Apart(a).Add(b);
        Apart(b).Add(a);
    }

    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    public bool Together(int a, int b) => Find(a) == Find(b);

    /// <summary>Puts the two records' places together unless a rule forbids it; whether they are together afterwards.</summary>
    /// <param name="oneRecordPerSource">Refuse when the places share a source (false for an operator's link).</param>
    public bool Union(int a, int b, bool oneRecordPerSource)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return true;
        }
        if (Members(ra).Count < Members(rb).Count)
        {
            (ra, rb) = (rb, ra);
        }
        var small = Members(rb);
        foreach (var m in small)
        {
            if (_apart.TryGetValue(m, out var partners) && partners.Any(p => Find(p) == ra))
            {
                return false;
            }
        }
        var smallSources = Sources(rb);
        var largeSources = Sources(ra);
        if (oneRecordPerSource && smallSources.Any(largeSources.Contains))
        {
            return false;
        }
        _parent[rb] = ra;
        var large = Members(ra);
        large.AddRange(small);
        largeSources.AddRange(smallSources.Where(s => !largeSources.Contains(s)));
        _members[rb] = null;
        _sources[rb] = null;
        return true;
    }

    private List<int> Apart(int i)
    {
        if (!_apart.TryGetValue(i, out var list))
        {
            _apart[i] = list = [];
        }
        return list;
    }

    private List<int> Members(int root) => _members[root] ??= [root];

    private List<int> Sources(int root) => _sources[root] ??= [_source[root]];
}
