using System.Text.Json;
using StationMap.Store.Planning;

namespace StationMap.Api.Planning;

/// <summary>
/// Runs one planning run in the background: marks it started, solves it (<see cref="PlanningSolve"/>) while writing its
/// progress, and stores the answer. A run that fails is recorded as failed with the reason and not thrown, so not
/// retried (the same input would fail the same way); one stopped by a shutdown is picked up again by Hangfire.
/// </summary>
public sealed class PlanningRunJob(PlanningRuns runs, PlanningSolve solve, TimeProvider time, ILogger<PlanningRunJob> logger)
{
    // Progress is written at most this often: a greedy round can take microseconds.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(long runId, CancellationToken cancellationToken)
    {
        using var parametersJson = await runs.StartAsync(runId, time.GetUtcNow(), cancellationToken);
        if (parametersJson is null)
        {
            logger.LogWarning("Planning run {Run} does not exist or has finished; nothing to do", runId);
            return;
        }
        try
        {
            var parameters = parametersJson.Deserialize<PlanningRunParameters>(PlanningResult.Json)
                ?? throw new InvalidOperationException("the run has no parameters");
            var result = await SolveAsync(runId, parameters, cancellationToken);
            await runs.SucceedAsync(runId, JsonSerializer.Serialize(result, PlanningResult.Json), time.GetUtcNow(), cancellationToken);
            logger.LogInformation(
                "Planning run {Run}: {Solver} chose {Sites} sites covering {Objective} more in {Ms} ms",
                runId, result.Solver, result.Sites.Count, result.Objective, result.SolveMs);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Planning run {Run} failed", runId);
            await runs.FailAsync(runId, e.Message, time.GetUtcNow(), CancellationToken.None);
        }
    }

    // Reading the demand and building the coverage sets count as the first tenth, solving as the next 85 hundredths.
    private async Task<PlanningResult> SolveAsync(long runId, PlanningRunParameters parameters, CancellationToken cancellationToken)
    {
        var lastWrite = time.GetTimestamp();
        var pending = Task.CompletedTask;
        void Progress(double fraction)
        {
            if (pending.IsCompleted && time.GetElapsedTime(lastWrite) >= ProgressInterval)
            {
                lastWrite = time.GetTimestamp();
                pending = runs.ReportProgressAsync(runId, 0.1 + 0.85 * fraction, CancellationToken.None);
            }
        }
        await runs.ReportProgressAsync(runId, 0.1, cancellationToken);
        var result = await solve.SolveAsync(parameters, Progress, cancellationToken);
        await pending;
        return result;
    }
}
