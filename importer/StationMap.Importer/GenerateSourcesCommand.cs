using System.CommandLine;
using StationMap.DemoData;
using StationMap.DemoData.Places;

namespace StationMap.Importer;

/// <summary>
/// <c>generate-sources</c>: writes the same synthetic stations as three lists would have them (the union's, the host
/// companies', OpenStreetMap's), with the truth, for trying out and measuring the place matcher.
/// </summary>
internal static class GenerateSourcesCommand
{
    public static Command Create()
    {
        var stations = new Option<int>("--stations") { DefaultValueFactory = _ => 3000, Description = "How many generated stations (each listed by one to three lists)" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Directory for union.csv, hosts.csv, osm.csv and truth.csv" };
        var labelled = new Option<FileInfo?>("--labelled") { Description = "Write one labelled CSV instead (every record with the station it is)" };
        var profile = new Option<string>("--profile") { DefaultValueFactory = _ => "benchmark", Description = "benchmark (about a fifth of the records overlap) or labelled (most do)" };
        profile.AcceptOnlyFromAmong("benchmark", "labelled");
        var region = new Option<string>("--region") { DefaultValueFactory = _ => "jingjinji", Description = "beijing or jingjinji" };
        region.AcceptOnlyFromAmong("beijing", "jingjinji");
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 21, Description = "Random seed (same seed, same files)" };

        var command = new Command("generate-sources", "Writes synthetic stations as three overlapping lists with the truth, for the place matcher")
        {
            stations, output, labelled, profile, region, seed,
        };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(stations);
            var directory = parse.GetValue(output);
            var file = parse.GetValue(labelled);
            if (n < 0 || (directory is null) == (file is null))
            {
                Console.Error.WriteLine("stationmap-import: give --stations ≥ 0 and one of --out or --labelled");
                return ExitCodes.UnusableInput;
            }
            var chosen = parse.GetValue(profile) == "labelled" ? OverlapProfile.Labelled : OverlapProfile.Benchmark;
            var place = Enum.Parse<GeneratorRegion>(parse.GetValue(region)!, ignoreCase: true);
            var s = parse.GetValue(seed);
            IEnumerable<SourcedRecord> Generate() => OverlappingSources.Generate(n, chosen, s, place);
            if (file is not null)
            {
                var written = SourceFiles.WriteLabelled(Generate(), file.FullName);
                Console.WriteLine($"wrote {written} labelled records of {n} stations to {file.FullName}");
            }
            else
            {
                var counts = SourceFiles.WriteSources(Generate, directory!.FullName);
                Console.WriteLine($"wrote {string.Join(", ", counts.Select(c => $"{c.Value} to {c.Key}.csv"))} and truth.csv in {directory.FullName}");
            }
            return ExitCodes.AllAccepted;
        });
        return command;
    }
}
