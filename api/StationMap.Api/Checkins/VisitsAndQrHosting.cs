using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Checkins;

/// <summary>Visit counts and reports, and the QR code at the door with its poster: mapped with one call from Program.cs.</summary>
public static class VisitsAndQrHosting
{
    /// <summary>
    /// Maps the endpoints of <see cref="VisitsApi"/> and <see cref="StationQrApi"/>. Their settings are read and checked
    /// here, while the application starts: a bad <c>Checkins:PublicBaseUrl</c> stops it rather than printing wrong codes.
    /// </summary>
    public static WebApplication MapVisitsAndQrApi(this WebApplication app)
    {
        var options = app.Configuration.GetSection(StationQrOptions.Section).Get<StationQrOptions>() ?? new StationQrOptions();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(
                StationQrOptions.Section, typeof(StationQrOptions),
                [.. results.Select(r => $"{StationQrOptions.Section}:{string.Join(",", r.MemberNames)} {r.ErrorMessage}")]);
        }
        app.MapVisitsApi();
        app.MapStationQrApi(options);
        return app;
    }
}
