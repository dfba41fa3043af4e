using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>The memory path answers exactly as the database path on the 3,000 Beijing demo stations.</summary>
public sealed class NearestDifferentialTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Memory_path_equals_database_path_on_the_demo_data()
    {
        await using var paths = await NearestPaths.StartAsync(database.ConnectionString, database.DataSources);
        var stations = (await ReferenceStation.LoadAllAsync(database.DataSources.Read)).Select(s => (s.Lat, s.Lon)).ToList();
        var (compared, nonEmpty) = await paths.CompareAsync(seed: 10_001, count: 2500, (39.4, 115.7, 40.6, 117.2), stations);
        // A comparison of empty answers proves little: most must have stations.
        Assert.True(nonEmpty > compared * 0.8, $"only {nonEmpty} of {compared} answers had stations");
    }
}

/// <summary>The memory path answers exactly as the database path on 100,000 generated stations over Beijing-Tianjin-Hebei.</summary>
public sealed class NearestDifferentialGeneratedTests(GeneratedDatabase database) : IClassFixture<GeneratedDatabase>
{
    [Fact]
    public async Task Memory_path_equals_database_path_on_100k_generated_stations()
    {
        await using var paths = await NearestPaths.StartAsync(database.ConnectionString, database.DataSources);
        var stations = (await ReferenceStation.LoadAllAsync(database.DataSources.Read)).Select(s => (s.Lat, s.Lon)).ToList();
        Assert.True(stations.Count >= GeneratedDatabase.GeneratedCount);
        var (compared, nonEmpty) = await paths.CompareAsync(seed: 20_002, count: 1000, (36.0, 113.4, 42.7, 119.9), stations, truckFilters: false);
        Assert.True(nonEmpty > compared * 0.8, $"only {nonEmpty} of {compared} answers had stations");
    }
}
