namespace StationMap.Domain.Places;

/// <summary>Why the matcher scored a pair as it did: each piece of evidence, and the sum.</summary>
/// <param name="DistanceM">Metres between the records (the smaller of the two readings when a source may be GCJ-02-shifted).</param>
/// <param name="Shifted">The distance is the one after undoing a suspected GCJ-02 shift.</param>
/// <param name="NameSimilarity">Sørensen–Dice of the names' cores in [0, 1]; null when they cannot be compared (one English, one Chinese, or one is the company alone).</param>
/// <param name="NameShared">A list holds another record of the same name near one of them, so the name tells less.</param>
/// <param name="Brand">The companies the names name.</param>
/// <param name="Host">The hosts (bank branch, petrol station, ...).</param>
/// <param name="Address">Road and house number.</param>
/// <param name="Phone">The phone numbers' last eight digits.</param>
/// <param name="SameKind">Both are the same kind of station.</param>
/// <param name="Score">The sum of the evidence's weights; see <see cref="MatchSettings"/> for the bands.</param>
public readonly record struct PairEvidence(
    double DistanceM, bool Shifted, double? NameSimilarity, bool NameShared, Agreement Brand, Agreement Host, Agreement Address, Agreement Phone,
    bool SameKind, double Score);
