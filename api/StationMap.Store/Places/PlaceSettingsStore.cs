using Npgsql;
using StationMap.Domain.Places;

namespace StationMap.Store.Places;

/// <summary>How the store matches: the thresholds and radii (<c>place_settings</c>) and each source's priority and GCJ-02 flag (<c>place_source</c>).</summary>
public sealed record PlaceConfiguration(MatchSettings Match, IReadOnlyDictionary<string, int> Priorities);

/// <summary>A source's place settings as stored.</summary>
public sealed record PlaceSourceSetting(string Source, int Priority, bool MaybeGcj02);

/// <summary>Reads and changes the matcher's settings, which live in the database so that the importer and every API process decide alike.</summary>
public static class PlaceSettingsStore
{
    private const string SettingsSql = "SELECT match_score, review_score, station_radius_m, rest_stop_radius_m FROM place_settings";

    private const string SourcesSql = "SELECT source, priority, maybe_gcj02 FROM place_source ORDER BY priority, source";

    private const string UpsertSourceSql = """
        INSERT INTO place_source (source, priority, maybe_gcj02) VALUES (@source, @priority, @maybe_gcj02)
        ON CONFLICT (source) DO UPDATE SET priority = excluded.priority, maybe_gcj02 = excluded.maybe_gcj02, updated_at = now()
        """;

    private const string UpdateSettingsSql = """
        UPDATE place_settings SET match_score = @match_score, review_score = @review_score,
                                  station_radius_m = @station_radius_m, rest_stop_radius_m = @rest_stop_radius_m, updated_at = now()
        """;

    public static async Task<PlaceConfiguration> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        MatchSettings settings;
        await using (var command = new NpgsqlCommand(SettingsSql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            settings = await reader.ReadAsync(cancellationToken)
                ? new MatchSettings { MatchScore = reader.GetDouble(0), ReviewScore = reader.GetDouble(1), StationRadiusM = reader.GetDouble(2), RestStopRadiusM = reader.GetDouble(3) }
                : new MatchSettings();
        }
        var sources = await SourcesAsync(connection, transaction, cancellationToken);
        return new PlaceConfiguration(
            settings with { MaybeGcj02Sources = sources.Where(s => s.MaybeGcj02).Select(s => s.Source).ToHashSet(StringComparer.Ordinal) },
            sources.ToDictionary(s => s.Source, s => s.Priority, StringComparer.Ordinal));
    }

    public static async Task<IReadOnlyList<PlaceSourceSetting>> SourcesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var sources = new List<PlaceSourceSetting>();
        await using var command = new NpgsqlCommand(SourcesSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sources.Add(new PlaceSourceSetting(reader.GetString(0), reader.GetInt32(1), reader.GetBoolean(2)));
        }
        return sources;
    }

    public static async Task SetSourceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PlaceSourceSetting setting, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(UpsertSourceSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("source", setting.Source));
        command.Parameters.Add(new NpgsqlParameter<int>("priority", setting.Priority));
        command.Parameters.Add(new NpgsqlParameter<bool>("maybe_gcj02", setting.MaybeGcj02));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <exception cref="ArgumentException">The settings do not make sense (<see cref="MatchSettings.Problem"/>).</exception>
    public static async Task SetMatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MatchSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }
        await using var command = new NpgsqlCommand(UpdateSettingsSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<double>("match_score", settings.MatchScore));
        command.Parameters.Add(new NpgsqlParameter<double>("review_score", settings.ReviewScore));
        command.Parameters.Add(new NpgsqlParameter<double>("station_radius_m", settings.StationRadiusM));
        command.Parameters.Add(new NpgsqlParameter<double>("rest_stop_radius_m", settings.RestStopRadiusM));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
