using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace StationMap.Api.Infrastructure;

/// <summary>Where requests come from (<c>Network</c> section).</summary>
public sealed class NetworkOptions : IValidatableObject
{
    public const string Section = "Network";

    /// <summary>
    /// Proxies (addresses such as <c>10.0.0.5</c> or networks such as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c>
    /// and <c>X-Forwarded-Proto</c> are believed: a request from one of them is taken to come from the address it
    /// names, which is what rate limits count by. Empty (default): nobody is trusted and the header is ignored, since
    /// any client can send it. E.g. <c>--Network:TrustedProxies:0=127.0.0.1</c> behind a local nginx.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in TrustedProxies.Where(e => !IPAddress.TryParse(e, out _) && !IPNetwork.TryParse(e, out _)))
        {
            yield return new ValidationResult($"'{entry}' is neither an IP address nor a network in CIDR form", [nameof(TrustedProxies)]);
        }
    }
}

/// <summary>Believes <c>X-Forwarded-*</c> from the trusted proxies only.</summary>
public static class TrustedProxyHosting
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var entry in network.Value.TrustedProxies)
            {
                if (IPAddress.TryParse(entry, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else if (IPNetwork.TryParse(entry, out var range))
                {
                    forwarded.KnownIPNetworks.Add(range);
                }
            }
            // A chain of trusted proxies is followed to the first address that is not one of them.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        // With no known proxy at all the middleware would believe every sender, so it is left out.
        var network = app.ApplicationServices.GetRequiredService<IOptions<NetworkOptions>>().Value;
        return network.TrustedProxies.Count == 0 ? app : app.UseForwardedHeaders();
    }
}
