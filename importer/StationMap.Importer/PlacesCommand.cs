using System.CommandLine;
using System.Globalization;
using StationMap.Domain.Places;
using StationMap.Store.Places;

namespace StationMap.Importer;

/// <summary>
/// <c>places</c>: the matching of stations across sources. <c>places match</c> runs a full pass; <c>places source NAME</c>
/// sets a source's priority (which record a place shows) and whether its positions may be GCJ-02 mislabelled, then
/// runs a full pass; <c>places settings</c> shows or sets the thresholds and radii.
/// </summary>
internal static class PlacesCommand
{
    public static Command Create()
    {
        var command = new Command("places", "Matching the same station across sources: full pass, source priorities, thresholds");
        command.Subcommands.Add(Match());
        command.Subcommands.Add(Source());
        command.Subcommands.Add(Settings());
        return command;
    }

    private static Command Match()
    {
        var match = new Command("match", "Matches every live station (one global pass) and prints what changed");
        match.SetAction(async (_, cancellationToken) =>
            await InTransactionAsync("full pass", (connection, transaction) => PlaceMatching.FullPassAsync(connection, transaction, cancellationToken), cancellationToken));
        return match;
    }

    private static Command Source()
    {
        var name = new Argument<string>("NAME") { Description = "The source, as imported with --source" };
        var priority = new Option<int?>("--priority") { Description = "0-1000, lower wins when a place chooses the record it shows (default 100)" };
        var gcj02 = new Option<bool?>("--maybe-gcj02") { Description = "true when the source's WGS-84 positions may be GCJ-02 exports (compared both ways)" };
        var source = new Command("source", "Sets a source's priority and GCJ-02 flag, then runs a full pass (pins and pairs follow)") { name, priority, gcj02 };
        source.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(name)!.Trim();
            var p = parse.GetValue(priority);
            if (n.Length == 0 || p is < 0 or > 1000)
            {
                Console.Error.WriteLine("stationmap-import: give a source name and a --priority in 0-1000");
                return ExitCodes.UnusableInput;
            }
            return await InTransactionAsync($"source '{n}'", async (connection, transaction) =>
            {
                var current = (await PlaceSettingsStore.SourcesAsync(connection, transaction, cancellationToken)).FirstOrDefault(s => s.Source == n);
                var setting = new PlaceSourceSetting(n, p ?? current?.Priority ?? PlacePins.DefaultPriority, parse.GetValue(gcj02) ?? current?.MaybeGcj02 ?? false);
                await PlaceSettingsStore.SetSourceAsync(connection, transaction, setting, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source '{n}': priority {setting.Priority}, maybe GCJ-02 {setting.MaybeGcj02}"));
                return await PlaceMatching.FullPassAsync(connection, transaction, cancellationToken);
            }, cancellationToken);
        });
        return source;
    }

    private static Command Settings()
    {
        var matchScore = new Option<double?>("--match-score") { Description = $"Pairs scoring at least this are linked automatically (default {MatchSettings.DefaultMatchScore})" };
        var reviewScore = new Option<double?>("--review-score") { Description = $"Pairs scoring at least this go to the review queue (default {MatchSettings.DefaultReviewScore})" };
        var stationRadius = new Option<double?>("--station-radius-m") { Description = "Candidate radius of warm stations and workers' homes (default 300)" };
        var restStopRadius = new Option<double?>("--rest-stop-radius-m") { Description = "Candidate radius of checkpoint rest stops (default 1000)" };
        var settings = new Command("settings", "Shows the matcher's thresholds, radii and sources; with options, changes them and runs a full pass")
        {
            matchScore, reviewScore, stationRadius, restStopRadius,
        };
        settings.SetAction(async (parse, cancellationToken) =>
        {
            var change = new[] { parse.GetValue(matchScore), parse.GetValue(reviewScore), parse.GetValue(stationRadius), parse.GetValue(restStopRadius) }.Any(v => v is not null);
            return await InTransactionAsync("settings", async (connection, transaction) =>
            {
                var current = (await PlaceSettingsStore.ReadAsync(connection, transaction, cancellationToken)).Match;
                var wanted = current with
                {
                    MatchScore = parse.GetValue(matchScore) ?? current.MatchScore,
                    ReviewScore = parse.GetValue(reviewScore) ?? current.ReviewScore,
                    StationRadiusM = parse.GetValue(stationRadius) ?? current.StationRadiusM,
                    RestStopRadiusM = parse.GetValue(restStopRadius) ?? current.RestStopRadiusM,
                };
                if (wanted.Problem is { } problem)
                {
                    throw new ArgumentException(problem);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"match score {wanted.MatchScore}, review score {wanted.ReviewScore}, radius {wanted.StationRadiusM} m (rest stops {wanted.RestStopRadiusM} m)"));
                foreach (var source in await PlaceSettingsStore.SourcesAsync(connection, transaction, cancellationToken))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source '{source.Source}': priority {source.Priority}, maybe GCJ-02 {source.MaybeGcj02}"));
                }
                if (!change)
                {
                    return PlaceMatchSummary.Nothing;
                }
                await PlaceSettingsStore.SetMatchAsync(connection, transaction, wanted, cancellationToken);
                return await PlaceMatching.FullPassAsync(connection, transaction, cancellationToken);
            }, cancellationToken);
        });
        return settings;
    }

    private static async Task<int> InTransactionAsync(
        string what, Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, Task<PlaceMatchSummary>> work, CancellationToken cancellationToken)
    {
        await using var dataSource = await ImporterDatabase.OpenAsync(cancellationToken);
        if (dataSource is null)
        {
            return ExitCodes.DatabaseFailure;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var summary = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            if (summary.Scope > 0 || summary.FullPass)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: {summary.Scope} stations matched in {started.Elapsed.TotalSeconds:0.0} s; {summary.Places} places of several sources, {summary.Changed} stations changed place or pin, {summary.Queued} pairs for review"));
            }
            return ExitCodes.AllAccepted;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"stationmap-import: {e.Message}");
            return ExitCodes.UnusableInput;
        }
        catch (Npgsql.NpgsqlException e)
        {
            Console.Error.WriteLine($"stationmap-import: database failure, nothing was changed: {e.Message}");
            return ExitCodes.DatabaseFailure;
        }
    }
}
