using StationMap.Store.Operators;

namespace StationMap.Api.Security;

/// <summary>Authorization policies of the write endpoints, the keyed reads and the dashboard.</summary>
public static class OperatorPolicies
{
    /// <summary>Operators run imports and refreshes and see the dashboard.</summary>
    public const string Operator = "operator";

    /// <summary>
    /// Planners start planning runs, and only they: operators run imports, and keeping the duties apart means a leaked
    /// operator key cannot queue expensive solver runs (and a planner key cannot change data).
    /// </summary>
    public const string Planner = "planner";

    /// <summary>
    /// Planning runs name who asked for them and hold the result of an expensive solve: any planner may read them, and
    /// operators may look too (they see the same jobs in the dashboard).
    /// </summary>
    public const string PlanningReader = "planning-reader";

    public static IServiceCollection AddOperatorAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<OperatorKeys>();
        services.AddOptions<KeyCacheOptions>().BindConfiguration(KeyCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OperatorKeyCache>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, KeyLookupUnavailableResultHandler>();
        services.AddAuthentication(OperatorKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, OperatorKeyAuthenticationHandler>(
                OperatorKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Operator, policy => policy.RequireRole(OperatorKeys.Roles[0]))
            .AddPolicy(Planner, policy => policy.RequireRole(OperatorKeys.Roles[1]))
            .AddPolicy(PlanningReader, policy => policy.RequireRole(OperatorKeys.Roles[0], OperatorKeys.Roles[1]));
        return services;
    }
}
