using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StationMap.Api.Sources;

namespace StationMap.Api.Security;

/// <summary>
/// Authenticates an operator API key sent as <c>Authorization: Bearer &lt;key&gt;</c>, or as the password of HTTP Basic
/// so that a browser can open the Hangfire dashboard with its own login prompt.
/// </summary>
internal sealed class OperatorKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OperatorKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var key = ReadKey(header);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        // An unknown key, or one the database cannot check now, leaves the request anonymous: public reads answer as
        // usual, and a protected endpoint challenges (401) or, when the lookup failed, answers 503
        // (KeyLookupUnavailableResultHandler). No failure result: that would log a line per request.
        var lookup = await keys.FindAsync(key, Context.RequestAborted);
        if (lookup.Identity is not { } identity)
        {
            if (lookup.Outcome == KeyLookupOutcome.Unavailable)
            {
                Context.Features.Set(KeyLookupUnavailable.Instance);
            }
            return AuthenticateResult.NoResult();
        }
        var claims = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, identity.Name), new Claim(ClaimTypes.Role, identity.Role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // One scheme per challenge: Chromium shows no login prompt when Basic comes after Bearer in the same header.
        // The dashboard is what a browser opens, so it asks for Basic; the API asks for Bearer.
        if (Request.Path.StartsWithSegments(SourcesHosting.DashboardPath))
        {
            Response.Headers.WWWAuthenticate = "Basic realm=\"StationMap operators\", charset=\"UTF-8\"";
            await WriteProblemAsync("Authentication required", "Log in with any user name and an operator key as the password.");
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync("Authentication required", "Send a key as 'Authorization: Bearer <key>'.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("Forbidden", "This key's role does not allow this action.");
    }

    // A problem result rather than IProblemDetailsService.WriteAsync, which throws when no writer accepts the request's
    // Accept header (a browser's text/html): the result falls back to writing the problem as JSON.
    private Task WriteProblemAsync(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: Response.StatusCode).ExecuteAsync(Context);

    private static string? ReadKey(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? null : decoded[(colon + 1)..];
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return null;
    }
}
