using StationMap.Domain.Search;

namespace StationMap.Domain.Nearest;

public sealed partial class StationIndex
{
    /// <summary>The unit normal of a position on the ellipsoid, as the index's chords are measured from.</summary>
    internal static (double X, double Y, double Z) NormalAt(double lat, double lon) => UnitSphere.From(lat, lon);

    /// <summary>The unit normal of the station at <paramref name="position"/>.</summary>
    internal (double X, double Y, double Z) NormalOf(int position) => (_points[position].X, _points[position].Y, _points[position].Z);

    /// <summary>The squared chord between the station at <paramref name="position"/> and a unit normal.</summary>
    internal double ChordSquared(int position, double x, double y, double z) => _points[position].DistanceSquared(x, y, z);

    /// <summary>
    /// Every station inside <paramref name="box"/> that passes <paramref name="test"/>, nearest first by squared chord,
    /// found by the same best-first walk of the tree as <see cref="Nearest"/> but resumable: the caller takes as many as
    /// it needs. Subtrees outside the box are never opened.
    /// </summary>
    /// <param name="queue">The queue the walk keeps its frontier in; cleared first.</param>
    internal StationStream NearestFirst(double lat, double lon, NormalBox box, Func<int, bool> test, ChordQueue queue) =>
        new TreeStream(this, UnitSphere.From(lat, lon), box, test, queue);

    private sealed class TreeStream : StationStream
    {
        private readonly StationIndex _index;
        private readonly double _x;
        private readonly double _y;
        private readonly double _z;
        private readonly NormalBox _box;
        private readonly Func<int, bool> _test;
        private readonly ChordQueue _queue;

        public TreeStream(StationIndex index, (double X, double Y, double Z) normal, NormalBox box, Func<int, bool> test, ChordQueue queue)
        {
            _queue = queue;
            _queue.Clear();
            _index = index;
            (_x, _y, _z) = normal;
            _box = box;
            _test = test;
            if (index.Count > 0)
            {
                Open(0);
            }
        }

        private void Open(int node)
        {
            ref readonly var n = ref _index._nodes[node];
            if (_box.Overlaps(n.Min.X, n.Min.Y, n.Min.Z, n.Max.X, n.Max.Y, n.Max.Z))
            {
                _queue.Push(n.DistanceSquared(_x, _y, _z), node);
            }
        }

        public override long Tested { get; protected set; }

        // The queue holds subtrees and stations: its smallest key bounds every station not yet taken.
        public override bool TryPeekBound(out double chordSquared)
        {
            chordSquared = _queue.Count > 0 ? _queue.TopKey : double.PositiveInfinity;
            return _queue.Count > 0;
        }

        public override bool TryTake(out int position)
        {
            var item = _queue.TopItem;
            _queue.Pop();
            if (item < 0)
            {
                position = ~item;
                return true;
            }
            position = -1;
            ref readonly var node = ref _index._nodes[item];
            if (node.Left >= 0)
            {
                Open(node.Left);
                Open(node.Right);
                return false;
            }
            Tested += node.End - node.Start;
            for (var p = node.Start; p < node.End; p++)
            {
                if (_test(p))
                {
                    _queue.Push(_index._points[p].DistanceSquared(_x, _y, _z), ~p);
                }
            }
            return false;
        }
    }
}
