using Microsoft.AspNetCore.Cors.Infrastructure;

namespace StationMap.Api.Security;

/// <summary>Security headers, the refusal of cross-site writes and the CORS policy.</summary>
public static class ClosedDoorsHosting
{
    public static IServiceCollection AddClosedDoors(this IServiceCollection services)
    {
        services.AddSingleton<ContentSecurityPolicies>();
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider, PublicReadCors>();
        services.AddTransient<IStartupFilter, EdgeFilter>();
        return services;
    }

    /// <summary>CORS after routing, so that the policy can see whether the endpoint needs a key.</summary>
    public static WebApplication UsePublicReadCors(this WebApplication app)
    {
        app.UseCors();
        return app;
    }

    /// <summary>
    /// Runs the headers and the cross-site check ahead of everything the host adds itself (routing, authentication,
    /// authorization), so that a 401 carries the headers and a cross-site post costs no key lookup.
    /// </summary>
    private sealed class EdgeFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<SecurityHeaders>();
            app.UseMiddleware<CrossSiteWrites>();
            next(app);
        };
    }
}
