using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

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
        Response.Headers.WWWAuthenticate = "Bearer, Basic realm=\"StationMap operators\", charset=\"UTF-8\"";
        await WriteProblemAsync("Authentication required", "Send an operator key as 'Authorization: Bearer <key>'.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("Forbidden", "This key's role does not allow this action.");
    }

    private Task WriteProblemAsync(string title, string detail) =>
        Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Title = title, Detail = detail, Status = Response.StatusCode },
        }).AsTask();

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
