using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Import;

/// <summary>An import test class: its own copy of the demo database and a scratch folder for the files it writes.</summary>
public abstract class ImportFolderTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IDisposable
{
    protected DemoDatabase Database { get; } = database;

    protected string Folder { get; } = Directory.CreateTempSubdirectory("stationmap-import-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
