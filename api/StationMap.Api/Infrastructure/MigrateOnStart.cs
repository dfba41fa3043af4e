using Microsoft.Extensions.Options;
using StationMap.Store.Migrations;

namespace StationMap.Api.Infrastructure;

/// <summary>Brings the schema up to date before the server accepts requests.</summary>
internal sealed class MigrateOnStart(SchemaMigrator migrator, IOptions<DatabaseOptions> options, ILogger<MigrateOnStart> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }
        var applied = await migrator.MigrateAsync(cancellationToken);
        foreach (var migration in applied)
        {
            logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
