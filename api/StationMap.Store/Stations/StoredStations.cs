using Npgsql;
using StationMap.Domain;

namespace StationMap.Store.Stations;

/// <summary>
/// The stations a source already has, by external id, with their content hash: what lets a merge decide on the client
/// which rows are new, changed or unchanged, and which stored ones the input no longer has. Read once per merge, by
/// binary COPY, inside the merge's transaction and under its source lock, so nothing changes it until the merge ends.
/// <see cref="IndexOf"/> and <see cref="IsUnchanged"/> may be called from any thread; the rest belongs to the merge.
/// </summary>
public sealed class StoredStations
{
    private const string CopyOut = """
        COPY (SELECT external_id, content_hash, retired_at IS NOT NULL FROM station WHERE source = {0})
        TO STDOUT (FORMAT BINARY)
        """;

    private const string EstimateSql = """
        SELECT quote_literal(@source), coalesce((
            SELECT (c.reltuples * s.most_common_freqs[array_position(s.most_common_vals::text::text[], @source)])::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = 'source'
            WHERE c.oid = 'station'::regclass), 0)
        """;

    private readonly Dictionary<string, int> _index;
    private readonly long?[] _hashes;
    private readonly bool[] _retired;
    private readonly bool[] _seen;

    private StoredStations(Dictionary<string, int> index, List<long?> hashes, List<bool> retired)
    {
        _index = index;
        _hashes = [.. hashes];
        _retired = [.. retired];
        _seen = new bool[_hashes.Length];
    }

    /// <summary>No stored station: a source's first import.</summary>
    public static StoredStations None { get; } = new(new Dictionary<string, int>(), [], []);

    public int Count => _hashes.Length;

    internal static async Task<StoredStations> ReadAsync(
        NpgsqlConnection connection, string source, CancellationToken cancellationToken)
    {
        // COPY takes no parameters; the source is quoted as a literal by the server's own rules. The source's estimated
        // size sizes the dictionary (growing it step by step to a million keys cost a tenth of the read): the table's
        // rows times the source's share in the planner's statistics. A source too small to be among the column's most
        // common values starts empty and grows; sizing by the whole table instead held a dictionary for every station
        // of every source on each small import (~45 MB of empty capacity at a million stations).
        string literal;
        long estimate;
        await using (var quote = new NpgsqlCommand(EstimateSql, connection))
        {
            quote.Parameters.Add(new NpgsqlParameter<string>("source", source));
            await using var row = await quote.ExecuteReaderAsync(cancellationToken);
            await row.ReadAsync(cancellationToken);
            literal = row.GetString(0);
            estimate = Math.Clamp(row.GetInt64(1), 0, 10_000_000);
        }
        var index = new Dictionary<string, int>((int)estimate, StringComparer.Ordinal);
        var hashes = new List<long?>((int)estimate);
        var retired = new List<bool>((int)estimate);
        await using var reader = await connection.BeginBinaryExportAsync(string.Format(CopyOut, literal), cancellationToken);
        // Synchronous reads: they only take from Npgsql's buffer (a receive happens when it is empty), and awaiting
        // each of a million rows cost more than the rows themselves.
        while (reader.StartRow() >= 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            index[reader.Read<string>()] = hashes.Count;
            if (reader.IsNull)
            {
                reader.Skip();
                hashes.Add(null);
            }
            else
            {
                hashes.Add(reader.Read<long>());
            }
            retired.Add(reader.Read<bool>());
        }
        return new StoredStations(index, hashes, retired);
    }

    /// <summary>The stored station's number (0 to <see cref="Count"/> - 1) for this external id, or -1.</summary>
    public int IndexOf(string externalId) => _index.TryGetValue(externalId, out var i) ? i : -1;

    /// <summary>Whether stored station number <paramref name="index"/> is live and holds exactly the content this hash stands for.</summary>
    public bool IsUnchanged(int index, long contentHash) => _hashes[index] == contentHash && !_retired[index];

    /// <summary>As <see cref="IsUnchanged"/> by external id, telling absent from different, and marks the station as present in the input.</summary>
    internal StoredState See(string externalId, long contentHash)
    {
        if (!_index.TryGetValue(externalId, out var i))
        {
            return StoredState.Absent;
        }
        _seen[i] = true;
        return _hashes[i] == contentHash && !_retired[i] ? StoredState.Unchanged : StoredState.Differs;
    }

    /// <summary>The live stations the input did not mention: what a full import retires.</summary>
    internal IEnumerable<string> LiveNotSeen()
    {
        foreach (var (externalId, i) in _index)
        {
            if (!_seen[i] && !_retired[i])
            {
                yield return externalId;
            }
        }
    }
}

internal enum StoredState
{
    Absent,
    Differs,
    Unchanged,
}

/// <summary>
/// One input row for a merge: a station and the hash of its content, or, when the caller already knows from
/// <see cref="StoredStations.IsUnchanged"/> that the stored station is the same, only its key and hash.
/// </summary>
/// <param name="ContentHash">Null: the merge hashes <paramref name="Record"/> itself.</param>
public readonly record struct StationMergeRow(string ExternalId, StationRecord? Record, long? ContentHash)
{
    public static StationMergeRow Of(StationRecord record) => new(record.ExternalId, record, null);

    public static StationMergeRow Unchanged(string externalId, long contentHash) => new(externalId, null, contentHash);
}
