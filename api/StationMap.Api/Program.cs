using StationMap.Api.Checkins;
using StationMap.Api.Checkpoints;
using StationMap.Api.Exports;
using StationMap.Api.Health;
using StationMap.Api.Imports;
using StationMap.Api.Infrastructure;
using StationMap.Api.MapPage;
using StationMap.Api.Ogc;
using StationMap.Api.Places;
using StationMap.Api.Planning;
using StationMap.Api.Routes;
using StationMap.Api.Sources;
using StationMap.Api.Stations;
using StationMap.Api.Tiles;

var command = ToolCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);
builder.AddStationMap();
builder.AddStations();
builder.AddCheckins();
builder.AddPlaces();
builder.AddTiles();
builder.AddCheckpoints();
builder.AddRoutes();
builder.AddPlanning();
builder.AddOgc();
builder.AddSources();
builder.AddHealth();
builder.AddMapPage();

var app = builder.Build();
if (command is not null)
{
    return await command.RunAsync(app);
}

app.UseStationMap();
app.MapHealthApi();
app.MapStationsApi();
app.MapCheckinsApi();
app.MapModerationApi();
app.MapPlacesApi();
app.MapVisitsAndQrApi();
app.MapTilesApi();
app.MapCheckpointsApi();
app.MapRoutesApi();
app.MapImportsApi();
app.MapExportsApi();
app.MapMapPageApi();
app.MapSourcesApi();
app.MapPlanningApi();
app.MapOgcApi();
app.MapRefreshDashboard();
await app.RunAsync();
return 0;

/// <summary>The API's entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
