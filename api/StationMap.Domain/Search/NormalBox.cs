namespace StationMap.Domain.Search;

/// <summary>
/// An axis-aligned box in the space of unit normals, where the nearest index keeps its stations: the stations a gram
/// leads to lie in its box, so a walk of the tree for a query skips every subtree outside the boxes of its grams.
/// </summary>
internal readonly record struct NormalBox(double MinX, double MinY, double MinZ, double MaxX, double MaxY, double MaxZ)
{
    /// <summary>Holds nothing; the union of it with a box is that box.</summary>
    public static NormalBox Empty { get; } = new(
        double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity,
        double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity);

    /// <summary>Holds everything; the intersection of it with a box is that box.</summary>
    public static NormalBox All { get; } = new(
        double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity,
        double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);

    public bool IsEmpty => MinX > MaxX || MinY > MaxY || MinZ > MaxZ;

    public NormalBox With(double x, double y, double z) =>
        new(Math.Min(MinX, x), Math.Min(MinY, y), Math.Min(MinZ, z), Math.Max(MaxX, x), Math.Max(MaxY, y), Math.Max(MaxZ, z));

    public NormalBox Union(in NormalBox other) =>
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Min(MinZ, other.MinZ),
            Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY), Math.Max(MaxZ, other.MaxZ));

    public NormalBox Intersect(in NormalBox other) =>
        new(Math.Max(MinX, other.MinX), Math.Max(MinY, other.MinY), Math.Max(MinZ, other.MinZ),
            Math.Min(MaxX, other.MaxX), Math.Min(MaxY, other.MaxY), Math.Min(MaxZ, other.MaxZ));

    public bool Overlaps(double minX, double minY, double minZ, double maxX, double maxY, double maxZ) =>
        minX <= MaxX && maxX >= MinX && minY <= MaxY && maxY >= MinY && minZ <= MaxZ && maxZ >= MinZ;
}
