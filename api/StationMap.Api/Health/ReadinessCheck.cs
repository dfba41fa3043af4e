using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Api.Stations.Nearest;
using StationMap.Store;

namespace StationMap.Api.Health;

/// <summary>
/// Whether this process can serve: <c>Healthy</c> when the database answers and the nearest index is loaded (or not
/// used); <c>Degraded</c> when only one of them holds (the database is down but nearest answers from memory, or the
/// index is still loading and nearest asks the database); <c>Unhealthy</c> when neither does.
/// </summary>
internal sealed class ReadinessCheck(StationDataSources dataSources, LiveStationIndex live, IOptions<NearestOptions> nearest) : IHealthCheck
{
    public const string Name = "ready";

    // A load balancer polls this; a database that takes longer to say "1" counts as down.
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var databaseUp = await DatabaseAnswersAsync(cancellationToken);
        var memory = nearest.Value.Path == NearestPath.Memory;
        var indexLoaded = memory && live.Current is not null;
        var data = new Dictionary<string, object>
        {
            ["database"] = databaseUp ? "up" : "down",
            ["nearest"] = NearestIndexReport.Of(nearest.Value.Path, live),
        };
        return (databaseUp, indexLoaded) switch
        {
            (true, true) => HealthCheckResult.Healthy("The database answers and the nearest index is loaded.", data),
            (true, false) when !memory => HealthCheckResult.Healthy("The database answers (nearest asks it).", data),
            (true, false) => HealthCheckResult.Degraded("The nearest index is loading; nearest asks the database meanwhile.", data: data),
            (false, true) => HealthCheckResult.Degraded("The database is unavailable; nearest answers from memory, other reads answer 503.", data: data),
            (false, false) => HealthCheckResult.Unhealthy("The database is unavailable and no nearest index is loaded.", data: data),
        };
    }

    private async Task<bool> DatabaseAnswersAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            await using var command = dataSources.Read.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e) || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
