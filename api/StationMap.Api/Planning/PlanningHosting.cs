using StationMap.Domain.Planning;
using StationMap.Planning.Exact;
using StationMap.Store.Planning;

namespace StationMap.Api.Planning;

/// <summary>Services of the planning feature.</summary>
public static class PlanningHosting
{
    public static WebApplicationBuilder AddPlanning(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlanningOptions>().BindConfiguration(PlanningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PlanningQueries>();
        builder.Services.AddSingleton<PlanningRuns>();
        builder.Services.AddSingleton<IExactCoverSolver>(CpSatCoverSolver.Instance);
        builder.Services.AddSingleton<PlanningSolve>();
        builder.Services.AddTransient<PlanningRunJob>();
        return builder;
    }
}
