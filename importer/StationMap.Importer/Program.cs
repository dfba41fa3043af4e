using System.CommandLine;
using StationMap.Importer;

var root = ImportCommand.Create();
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(GenerateSourcesCommand.Create());
root.Subcommands.Add(PlacesCommand.Create());
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"stationmap-import: {error.Message}");
    }
    Console.Error.WriteLine("stationmap-import: see --help");
    return ExitCodes.UnusableInput;
}
return await parsed.InvokeAsync();
