using System.CommandLine;
using StationMap.DemoData;
using StationMap.Import.Normalising;

namespace StationMap.Importer;

/// <summary><c>generate</c>: writes the synthetic demo generator's stations as a CSV or GeoJSON file to import.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 3000, Description = "How many stations" };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "csv", Description = "csv or geojson" };
        format.AcceptOnlyFromAmong("csv", "geojson");
        var output = new Option<FileInfo>("--out") { Required = true, Description = "The file to write" };
        var crs = new Option<string>("--crs") { DefaultValueFactory = _ => "wgs84", Description = "Datum to write the coordinates in: wgs84, gcj02 or bd09" };
        crs.AcceptOnlyFromAmong([.. CoordinateSystems.WireNames]);
        var region = new Option<string>("--region") { DefaultValueFactory = _ => "jingjinji", Description = "beijing or jingjinji" };
        region.AcceptOnlyFromAmong("beijing", "jingjinji");
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 7, Description = "Random seed (same seed, same file)" };

        var command = new Command("generate", "Writes synthetic (made-up) stations as a CSV or GeoJSON file, for demos and benchmarks")
        {
            count, format, output, crs, region, seed,
        };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            if (n < 0)
            {
                Console.Error.WriteLine("stationmap-import: --count must not be negative");
                return ExitCodes.UnusableInput;
            }
            CoordinateSystems.TryParse(parse.GetValue(crs), out var datum);
            var place = Enum.Parse<GeneratorRegion>(parse.GetValue(region)!, ignoreCase: true);
            var path = parse.GetValue(output)!.FullName;
            var records = StationGenerator.Generate(n, parse.GetValue(seed), place);
            var written = parse.GetValue(format) == "geojson"
                ? DemoFiles.WriteGeoJson(records, path, datum)
                : DemoFiles.WriteCsv(records, path, datum);
            Console.WriteLine($"wrote {written} synthetic stations ({place}, {datum.ToWire()}) to {path}");
            return ExitCodes.AllAccepted;
        });
        return command;
    }
}
