using StationMap.Api.Commands;
using StationMap.Api.Endpoints;
using StationMap.Api.Hosting;
using StationMap.Api.Jobs;
using StationMap.Api.Planning;
using StationMap.Api.Security;

var command = ToolCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);
builder.AddStationMap();
builder.Services.AddOperatorAuthentication();
builder.AddRefreshJobs();
builder.AddPlanning();

var app = builder.Build();
if (command is not null)
{
    return await command.RunAsync(app);
}

app.UseStationMap();
app.MapHealthApi();
app.MapStationsApi();
app.MapCheckpointsApi();
app.MapRoutesApi();
app.MapImportsApi();
app.MapMapConfigApi();
app.MapSourcesApi();
app.MapPlanningApi();
app.MapRefreshDashboard();
await app.RunAsync();
return 0;

/// <summary>The API's entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
