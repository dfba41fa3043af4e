using System.Runtime.InteropServices;
using Npgsql;

namespace StationMap.Store.Stations;

/// <summary>
/// The stations a source already has, by external id, with their content hash: what lets a merge decide on the client
/// which rows are new, changed or unchanged, and which stored ones the input no longer has. Read once per merge, by
/// binary COPY, inside the merge's transaction and under its source lock.
/// </summary>
internal sealed class StoredSourceStations
{
    private const string CopyOut = """
        COPY (SELECT external_id, content_hash, retired_at IS NOT NULL FROM station WHERE source = {0})
        TO STDOUT (FORMAT BINARY)
        """;

    private readonly Dictionary<string, Entry> _byExternalId;

    private StoredSourceStations(Dictionary<string, Entry> byExternalId) => _byExternalId = byExternalId;

    public int Count => _byExternalId.Count;

    public static async Task<StoredSourceStations> ReadAsync(
        NpgsqlConnection connection, string source, CancellationToken cancellationToken)
    {
        var byExternalId = new Dictionary<string, Entry>(StringComparer.Ordinal);
        // COPY takes no parameters; the source is quoted as a literal by the server's own rules.
        string literal;
        await using (var quote = new NpgsqlCommand("SELECT quote_literal(@source)", connection))
        {
            quote.Parameters.Add(new NpgsqlParameter<string>("source", source));
            literal = (string)(await quote.ExecuteScalarAsync(cancellationToken))!;
        }
        await using var reader = await connection.BeginBinaryExportAsync(string.Format(CopyOut, literal), cancellationToken);
        while (await reader.StartRowAsync(cancellationToken) >= 0)
        {
            var externalId = reader.Read<string>();
            long? hash = reader.IsNull ? SkipNull(reader) : reader.Read<long>();
            var retired = reader.Read<bool>();
            byExternalId[externalId] = new Entry(hash, retired, Seen: false);
        }
        return new StoredSourceStations(byExternalId);
    }

    /// <summary>
    /// Whether the stored station with this external id exists and, if so, whether it already holds exactly this
    /// content and is live (nothing to write); marks it as present in the input.
    /// </summary>
    public StoredState See(string externalId, long contentHash)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_byExternalId, externalId);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
        {
            return StoredState.Absent;
        }
        entry = entry with { Seen = true };
        return entry.ContentHash == contentHash && !entry.Retired ? StoredState.Unchanged : StoredState.Differs;
    }

    /// <summary>The live stations the input did not mention: what a full import retires.</summary>
    public IEnumerable<string> LiveNotSeen()
    {
        foreach (var (externalId, entry) in _byExternalId)
        {
            if (!entry.Seen && !entry.Retired)
            {
                yield return externalId;
            }
        }
    }

    private static long? SkipNull(NpgsqlBinaryExporter reader)
    {
        reader.Skip();
        return null;
    }

    private readonly record struct Entry(long? ContentHash, bool Retired, bool Seen);
}

internal enum StoredState
{
    Absent,
    Differs,
    Unchanged,
}
