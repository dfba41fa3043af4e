using StationMap.Domain;

namespace StationMap.Store.Stations;

/// <summary>
/// The station-only step of a merge, between the input and the staging table: a row whose stored station already
/// holds the same content (the same <see cref="StationContentHash"/>) goes no further, so an unchanged re-import
/// stages and writes no station. Marks every input key as present in <see cref="StoredStations"/> (what a full import
/// does not retire), counts what it saw, and tells each new station as it passes it on.
/// </summary>
internal sealed class ChangedStations(StoredStations stored, StationContentHash hash, Action<string, bool>? onChanged)
{
    /// <summary>Every input row seen so far.</summary>
    public long Accepted { get; private set; }

    /// <summary>The rows passed on as new stations of the source.</summary>
    public long New { get; private set; }

    public IEnumerable<StagedStation> Of(IEnumerable<StationMergeRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Accepted++;
            var contentHash = row.ContentHash ?? hash.Of(row.Record!);
            var state = stored.See(row.ExternalId, contentHash);
            if (state == StoredState.Unchanged)
            {
                continue;
            }
            var record = row.Record ?? throw new InvalidOperationException(
                $"station '{row.ExternalId}' was passed as unchanged but its stored content differs");
            if (state == StoredState.Absent)
            {
                // Told now rather than through the insert's RETURNING: a million ids back from the server cost
                // as much as a second pass over the file. A failed merge throws, and callers drop what they were told.
                onChanged?.Invoke(record.ExternalId, true);
                New++;
            }
            yield return new StagedStation(record, contentHash, IsNew: state == StoredState.Absent);
        }
    }
}

/// <summary>A station on its way into the staging table.</summary>
internal readonly record struct StagedStation(StationRecord Record, long ContentHash, bool IsNew);
