namespace StationMap.Domain.Places;

/// <summary>
/// Scores a pair of records by adding up the evidence, in the manner of Fellegi and Sunter's record linkage (1969):
/// each agreement adds weight, each disagreement takes some away, missing evidence counts nothing. The weights were
/// set by hand on the labelled set in <c>tests/cases/places/</c> (about +13 when everything agrees).
/// </summary>
internal static class PairScorer
{
    // Distance, as a share f of the pair's radius: up to +2.5 within a tenth of it, 0 at half of it, -3 at the edge.
    private const double NearWeight = 2.5;
    private const double EdgeWeight = -3;

    // Names: 8 × Dice − 4, from +4 for the same core to −4 for nothing in common; at most +1 when a list has another
    // record of that name nearby (a chain's outlets, or a generator's repeated names), since it then tells which of
    // them little.
    private const double NameSpan = 8;
    private const double NameOffset = -4;
    private const double SharedNameMost = 1;

    private const double SameBrand = 1.5;
    private const double OtherBrand = -5;
    private const double OneBrand = -1;
    private const double SameHost = 0.5;
    private const double OtherHost = -2.5;
    private const double SameAddress = 2;
    private const double OtherAddress = -3;
    private const double SamePhone = 2.5;
    private const double OtherPhone = -1.5;
    private const double OtherKind = -1.5;

    // Metres per degree of latitude and of longitude at the equator (WGS-84): a plane around the pair is exact to a
    // fraction of a percent at the few hundred metres that matter here, and 50 times cheaper than a geodesic.
    private const double MetresPerDegreeLat = 111_132.954;
    private const double MetresPerDegreeLon = 111_319.491;

    /// <summary>
    /// The distance between the records in metres (the smaller reading when either may be GCJ-02-shifted), and
    /// whether the smaller one is a shifted reading.
    /// </summary>
    public static (double Metres, bool Shifted) Distance(PreparedRecord a, PreparedRecord b)
    {
        var best = Metres(a.Record.Lat, a.Record.Lon, b.Record.Lat, b.Record.Lon);
        var shifted = false;
        if (a.HasAlt)
        {
            Consider(Metres(a.AltLat, a.AltLon, b.Record.Lat, b.Record.Lon), ref best, ref shifted);
            if (b.HasAlt)
            {
                Consider(Metres(a.AltLat, a.AltLon, b.AltLat, b.AltLon), ref best, ref shifted);
            }
        }
        if (b.HasAlt)
        {
            Consider(Metres(a.Record.Lat, a.Record.Lon, b.AltLat, b.AltLon), ref best, ref shifted);
        }
        return (best, shifted);
    }

    /// <summary>The evidence and score of two records already known to be within <paramref name="distanceM"/>.</summary>
    public static PairEvidence Score(PreparedRecord a, PreparedRecord b, double distanceM, bool shifted)
    {
        var score = 0.0;
        var f = distanceM / Math.Min(a.RadiusM, b.RadiusM);
        score += f <= 0.1 ? NearWeight : f <= 0.5 ? NearWeight * (0.5 - f) / 0.4 : EdgeWeight * Math.Min(1, (f - 0.5) / 0.5);

        double? similarity = null;
        var oneEmpty = (a.Name.Core.Length == 0) != (b.Name.Core.Length == 0);
        if (a.Name.IsLatin == b.Name.IsLatin && !oneEmpty)
        {
            similarity = a.Name.Similarity(b.Name);
            var weight = NameSpan * similarity.Value + NameOffset;
            score += a.SharesName || b.SharesName ? Math.Min(weight, SharedNameMost) : weight;
        }

        var brand = Agreement.Unknown;
        if (a.Name.Brand >= 0 && b.Name.Brand >= 0)
        {
            brand = a.Name.Brand == b.Name.Brand ? Agreement.Same : Agreement.Different;
            score += brand == Agreement.Same ? SameBrand : OtherBrand;
        }
        else if (a.Name.Brand >= 0 || b.Name.Brand >= 0)
        {
            score += OneBrand;
        }

        var host = Agreement.Unknown;
        if (a.Host >= 0 && b.Host >= 0)
        {
            host = a.Host == b.Host ? Agreement.Same : Agreement.Different;
            score += host == Agreement.Same ? SameHost : OtherHost;
        }

        var address = a.Address is { } one && b.Address is { } other ? one.Compare(other) : Agreement.Unknown;
        score += address switch { Agreement.Same => SameAddress, Agreement.Different => OtherAddress, _ => 0 };

        var phone = Agreement.Unknown;
        if (a.Phone >= 0 && b.Phone >= 0)
        {
            phone = a.Phone == b.Phone ? Agreement.Same : Agreement.Different;
            score += phone == Agreement.Same ? SamePhone : OtherPhone;
        }

        var sameKind = a.Record.Kind == b.Record.Kind;
        if (!sameKind)
        {
            score += OtherKind;
        }
        // Rounded so that a score is the same number however the platform's floating point summed it.
        return new PairEvidence(distanceM, shifted, similarity, a.SharesName || b.SharesName, brand, host, address, phone, sameKind, Math.Round(score, 6));
    }

    private static void Consider(double metres, ref double best, ref bool shifted)
    {
        if (metres < best)
        {
            best = metres;
            shifted = true;
        }
    }

    private static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        var dy = (lat2 - lat1) * MetresPerDegreeLat;
        var dx = (lon2 - lon1) * MetresPerDegreeLon * Math.Cos((lat1 + lat2) * (Math.PI / 360));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
