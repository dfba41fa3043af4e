using StationMap.Store.Checkpoints;

namespace StationMap.Api.Checkpoints;

/// <summary>Services of the checkpoints feature.</summary>
public static class CheckpointsHosting
{
    public static WebApplicationBuilder AddCheckpoints(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CheckpointQueries>();
        return builder;
    }
}
