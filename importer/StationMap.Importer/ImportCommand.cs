using System.CommandLine;
using System.Globalization;
using StationMap.Domain;
using StationMap.Domain.Queries;
using StationMap.Import;
using StationMap.Import.Normalising;
using StationMap.Import.Reading;
using StationMap.Import.Reporting;

namespace StationMap.Importer;

/// <summary>The root command: import one file into one source.</summary>
internal static class ImportCommand
{
    private const string Description = """
        Imports a station list (CSV, Excel .xlsx, GeoJSON, or OpenStreetMap XML or PBF) into the StationMap database: validates every row,
        converts GCJ-02/BD-09 to WGS-84, merges by (source, external id) in one transaction and records the run.
        Writes a row-level report (FILE.report.csv and FILE.report.json unless --report is given).

        Exit codes: 0 all rows accepted; 1 some rows rejected (the rest imported); 2 unusable input or arguments, or
        --strict refused (nothing changed); 3 database failure (nothing changed).
        Database: ConnectionStrings__StationMap, else appsettings.json, else the scripts/pg.sh cluster.

        Examples:
          stationmap-import stations.csv --source beijing-union --crs gcj02
          stationmap-import 驿站.csv --source hebei-union --encoding gbk --crs bd09 --mode full --region 113.4,36,119.9,42.7
          stationmap-import stations.geojson --source open-data --dry-run --report /tmp/check
          stationmap-import export.osm --source osm --mode full --strict
          stationmap-import 驿站名录.xlsx --source beijing-union --sheet 朝阳区 --crs gcj02
          stationmap-import beijing-latest.osm.pbf --source osm --mode full
          stationmap-import 检查站.csv --source fangshan-police --target checkpoints
          stationmap-import 房山货运企业.csv --target demand --source fangshan-freight --layer freight_drivers --crs gcj02
          stationmap-import hosts.geojson --target candidates --source bank-branches
          stationmap-import generate --count 100000 --format csv --crs gcj02 --out /tmp/stations.csv
        """;

    public static RootCommand Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The file to import" };
        var source = new Option<string>("--source") { Required = true, Description = "The data source's name (stations are keyed by source and external id)" };
        var format = new Option<string?>("--format") { Description = "csv, xlsx, geojson, osm (OpenStreetMap XML) or pbf (OpenStreetMap PBF); default: from the file extension" };
        format.AcceptOnlyFromAmong([.. InputFormats.WireNames]);
        var sheet = new Option<string?>("--sheet") { Description = "The sheet of an .xlsx workbook to read (default: the first visible sheet)" };
        var crs = new Option<string>("--crs") { DefaultValueFactory = _ => "wgs84", Description = "Datum of the coordinates: wgs84, gcj02 (Amap, Tencent) or bd09 (Baidu)" };
        crs.AcceptOnlyFromAmong([.. CoordinateSystems.WireNames]);
        var mode = new Option<string>("--mode") { DefaultValueFactory = _ => "incremental", Description = "full retires the source's stations missing from the file; incremental leaves them" };
        mode.AcceptOnlyFromAmong("full", "incremental");
        var encoding = new Option<string>("--encoding") { DefaultValueFactory = _ => "utf-8", Description = "CSV text encoding: utf-8 (BOM or not), gbk or gb18030" };
        encoding.AcceptOnlyFromAmong([.. TextEncodings.Names]);
        var delimiter = new Option<string?>("--delimiter") { Description = "CSV delimiter (default: detected from the header); 'tab' for a tab" };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "JSON file mapping other column/property names to fields, e.g. {\"站点\": \"name\"}" };
        var region = new Option<string?>("--region") { Description = "The dataset's region as minLon,minLat,maxLon,maxLat (WGS-84); rows outside it are rejected" };
        var defaultKind = new Option<string?>("--default-kind") { Description = "Kind for rows without one (warm_station, workers_home, checkpoint_rest_stop)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Do everything except commit" };
        var strict = new Option<bool>("--strict") { Description = "Commit nothing if any row is rejected" };
        var report = new Option<string?>("--report") { Description = "Where to write the report (PATH.csv and PATH.json)" };
        var target = new Option<string>("--target") { DefaultValueFactory = _ => "stations", Description = "What the file holds: stations, checkpoints (external id, name, position, road, district; incremental only), demand (weighted demand points: weight/权重, layer/图层) or candidates (candidate host sites: host_type/类型, capacity/容量)" };
        target.AcceptOnlyFromAmong([.. ImportTargets.WireNames]);
        var layer = new Option<string?>("--layer") { Description = "Demand layer for rows without a layer column or value (--target demand)" };

        var root = new RootCommand(Description) { file, source, format, sheet, crs, mode, encoding, delimiter, mapping, region, defaultKind, dryRun, strict, report, target, layer };
        root.SetAction(async (parse, cancellationToken) =>
        {
            ImportOptions options;
            try
            {
                options = Options(
                    parse.GetValue(file)!, parse.GetValue(source)!, parse.GetValue(format), parse.GetValue(crs)!,
                    parse.GetValue(mode)!, parse.GetValue(encoding)!, parse.GetValue(delimiter), parse.GetValue(mapping),
                    parse.GetValue(region), parse.GetValue(defaultKind), parse.GetValue(dryRun), parse.GetValue(strict),
                    parse.GetValue(target)!, parse.GetValue(layer), parse.GetValue(sheet));
            }
            catch (ImportInputException e)
            {
                Console.Error.WriteLine($"stationmap-import: {e.Message}");
                return ExitCodes.UnusableInput;
            }
            return await RunAsync(options, parse.GetValue(report), cancellationToken);
        });
        return root;
    }

    private static ImportOptions Options(
        FileInfo file, string source, string? format, string crs, string mode, string encoding, string? delimiter,
        FileInfo? mapping, string? region, string? defaultKind, bool dryRun, bool strict, string target, string? layer,
        string? sheet)
    {
        if (!file.Exists)
        {
            throw new ImportInputException($"{file.FullName}: no such file");
        }
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ImportInputException("--source must not be empty");
        }
        var inputFormat = InputFormats.TryParse(format, out var named)
            ? named
            : InputFormats.FromFileName(file.Name)
              ?? throw new ImportInputException(
                  $"cannot tell the format of {file.Name} from its extension: give --format {string.Join("|", InputFormats.WireNames)}");
        if (sheet is not null && (inputFormat != InputFormat.Xlsx || string.IsNullOrWhiteSpace(sheet)))
        {
            throw new ImportInputException("--sheet needs an .xlsx file (or --format xlsx) and a sheet name");
        }
        BoundingBox? box = null;
        if (region is not null)
        {
            if (!BoundingBox.TryParse(region, out var parsed, out var reason))
            {
                throw new ImportInputException($"--region {reason}");
            }
            box = parsed;
        }
        StationKind? kind = null;
        if (defaultKind is not null)
        {
            if (!KindNames.TryParse(defaultKind, out var parsedKind))
            {
                throw new ImportInputException($"--default-kind: unknown kind '{defaultKind}'");
            }
            kind = parsedKind;
        }
        char? separator = delimiter switch
        {
            null => null,
            "tab" or "\\t" => '\t',
            { Length: 1 } d => d[0],
            _ => throw new ImportInputException("--delimiter must be one character (or 'tab')"),
        };
        ImportTargets.TryParse(target, out var importTarget);
        if (importTarget != ImportTarget.Stations && inputFormat.IsOsm())
        {
            throw new ImportInputException($"--target {target} reads CSV, Excel or GeoJSON, not OpenStreetMap data");
        }
        if (layer is not null && (importTarget != ImportTarget.Demand || string.IsNullOrWhiteSpace(layer)))
        {
            throw new ImportInputException("--layer needs --target demand and a non-empty name");
        }
        CoordinateSystems.TryParse(crs, out var coordinateSystem);
        TextEncodings.Get(encoding);
        return new ImportOptions
        {
            FilePath = file.FullName,
            Source = source.Trim(),
            Format = inputFormat,
            Crs = coordinateSystem,
            Mode = mode == "full" ? ImportMode.Full : ImportMode.Incremental,
            Encoding = encoding,
            Delimiter = separator,
            Sheet = sheet?.Trim(),
            FieldNames = mapping is null ? FieldNames.Default : FieldNames.FromFile(mapping.FullName),
            Region = box,
            DefaultKind = kind,
            DryRun = dryRun,
            PrepareReportFiles = true,
            Strict = strict,
            Target = importTarget,
            DefaultLayer = layer?.Trim(),
        };
    }

    private static async Task<int> RunAsync(ImportOptions options, string? reportPath, CancellationToken cancellationToken)
    {
        await using var dataSource = await ImporterDatabase.OpenAsync(cancellationToken);
        if (dataSource is null)
        {
            return ExitCodes.DatabaseFailure;
        }

        var result = await ProgressDisplay.RunAsync(
            progress => ImportPipeline.RunAsync(dataSource, options, progress, TimeProvider.System, cancellationToken));

        var run = new ImportRunInfo(
            options.Source, Path.GetFileName(options.FilePath), options.Format.ToWire(), options.Crs.ToWire(),
            options.Mode == ImportMode.Full ? "full" : "incremental");
        var (csv, json) = ReportFiles.PathsFor(options.FilePath, reportPath);
        try
        {
            ReportFiles.Write(result, run, csv, json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"stationmap-import: could not write the report: {e.Message}");
            csv = json = "(not written)";
        }
        Summary.Print(result, run, csv, json);
        return result.ExitCode;
    }
}
