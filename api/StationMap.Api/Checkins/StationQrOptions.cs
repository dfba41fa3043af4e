using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Checkins;

/// <summary>
/// Where a station's QR code sends a phone (<c>Checkins</c> section; the check-in settings live beside it). The code
/// holds <c>{PublicBaseUrl}/#/station/{id}/checkin</c>: the map opens that station's card with its check-in button.
/// </summary>
public sealed class StationQrOptions : IValidatableObject
{
    public const string Section = "Checkins";

    /// <summary>
    /// The site's public address as people reach it, e.g. <c>https://stationmap.example.cn</c> (with the path, when the
    /// site lives under one). Set it in production: a printed code outlives any request, and without it the code names
    /// the scheme and host the request came with (<c>X-Forwarded-Proto</c> believed from <c>Network:TrustedProxies</c>).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
        {
            yield break;
        }
        if (!Uri.TryCreate(PublicBaseUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            yield return new ValidationResult(
                $"must be an absolute http(s) address without query, fragment or user, such as https://stationmap.example.cn; got '{PublicBaseUrl}'",
                [nameof(PublicBaseUrl)]);
        }
    }

    /// <summary>The check-in address of station <paramref name="id"/>, as a QR code at its door holds it.</summary>
    public string CheckinUrl(long id, HttpRequest request)
    {
        var site = string.IsNullOrWhiteSpace(PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : PublicBaseUrl.Trim();
        return $"{site.TrimEnd('/')}/#/station/{id}/checkin";
    }
}
