namespace StationMap.Benchmarks.Nearest;

/// <summary>
/// k nearest points on the sphere from an in-memory KD-tree (Bentley 1975) over 3-D unit vectors. The chord between
/// two unit vectors grows with the central angle, so ranking by squared chord is ranking by great-circle distance,
/// and the tree needs no special case at the antimeridian or the poles. Ties rank by id. Immutable once built, so
/// any number of threads may query it.
/// </summary>
public sealed class UnitVectorKdTree
{
    // Ranges this small are scanned rather than split further.
    private const int LeafSize = 8;

    private readonly Node[] _nodes;
    private readonly byte[] _axis;

    /// <param name="points">(lat, lon) in degrees; a point's id is its index.</param>
    public UnitVectorKdTree(IReadOnlyList<(double Lat, double Lon)> points)
    {
        _nodes = new Node[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var (x, y, z) = UnitVector.From(points[i].Lat, points[i].Lon);
            _nodes[i] = new Node(x, y, z, i);
        }
        _axis = new byte[points.Count];
        Build(0, _nodes.Length);
    }

    public int Count => _nodes.Length;

    /// <summary>Ids of the <paramref name="k"/> points nearest to (lat, lon), nearest first, written to <paramref name="ids"/>.</summary>
    /// <returns>How many were written: k, or fewer when the tree holds fewer points.</returns>
    public int Nearest(double lat, double lon, Span<int> ids)
    {
        if (ids.IsEmpty)
        {
            return 0;
        }
        var (x, y, z) = UnitVector.From(lat, lon);
        var best = new NearestSet(ids.Length);
        Search(0, _nodes.Length, x, y, z, ref best);
        return best.CopySortedIds(ids);
    }

    private void Build(int lo, int hi)
    {
        if (hi - lo <= LeafSize)
        {
            return;
        }
        var axis = WidestAxis(lo, hi);
        var mid = (lo + hi) >>> 1;
        Select(lo, hi - 1, mid, axis);
        _axis[mid] = (byte)axis;
        Build(lo, mid);
        Build(mid + 1, hi);
    }

    private void Search(int lo, int hi, double x, double y, double z, ref NearestSet best)
    {
        if (hi - lo <= LeafSize)
        {
            for (var i = lo; i < hi; i++)
            {
                best.Offer(_nodes[i].DistanceSquared(x, y, z), _nodes[i].Id);
            }
            return;
        }
        var mid = (lo + hi) >>> 1;
        ref readonly var node = ref _nodes[mid];
        best.Offer(node.DistanceSquared(x, y, z), node.Id);
        var diff = Coordinate(x, y, z, _axis[mid]) - node.At(_axis[mid]);
        if (diff < 0)
        {
            Search(lo, mid, x, y, z, ref best);
            if (diff * diff <= best.Worst)
            {
                Search(mid + 1, hi, x, y, z, ref best);
            }
        }
        else
        {
            Search(mid + 1, hi, x, y, z, ref best);
            if (diff * diff <= best.Worst)
            {
                Search(lo, mid, x, y, z, ref best);
            }
        }
    }

    private int WidestAxis(int lo, int hi)
    {
        Span<double> min = [double.MaxValue, double.MaxValue, double.MaxValue];
        Span<double> max = [double.MinValue, double.MinValue, double.MinValue];
        for (var i = lo; i < hi; i++)
        {
            for (var a = 0; a < 3; a++)
            {
                var v = _nodes[i].At(a);
                min[a] = Math.Min(min[a], v);
                max[a] = Math.Max(max[a], v);
            }
        }
        var spread0 = max[0] - min[0];
        var spread1 = max[1] - min[1];
        var spread2 = max[2] - min[2];
        return spread0 >= spread1 && spread0 >= spread2 ? 0 : spread1 >= spread2 ? 1 : 2;
    }

    // Hoare's quickselect: afterwards _nodes[k] holds the value that would be there sorted on the axis,
    // with nothing greater before it and nothing smaller after it.
    private void Select(int left, int right, int k, int axis)
    {
        while (left < right)
        {
            var pivot = _nodes[(left + right) >>> 1].At(axis);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (_nodes[i].At(axis) < pivot)
                {
                    i++;
                }
                while (_nodes[j].At(axis) > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (_nodes[i], _nodes[j]) = (_nodes[j], _nodes[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double Coordinate(double x, double y, double z, int axis) => axis switch { 0 => x, 1 => y, _ => z };

    private readonly record struct Node(double X, double Y, double Z, int Id)
    {
        public double At(int axis) => axis switch { 0 => X, 1 => Y, _ => Z };

        public double DistanceSquared(double x, double y, double z)
        {
            var dx = X - x;
            var dy = Y - y;
            var dz = Z - z;
            return dx * dx + dy * dy + dz * dz;
        }
    }
}
