using System.Runtime.ExceptionServices;

namespace StationMap.Import.Reading;

/// <summary>
/// Reads a file's rows, and does the per-row work that needs no other row, on a thread of its own a few thousand rows
/// ahead of the consumer: reading and checking rows, and writing them to the database, then use two cores instead of
/// one. (A pool of checking threads was tried: on two cores its handoffs and spinning cost more than they gained.)
/// Items arrive in file order; a failure of the reader is thrown to the consumer after the items before it.
/// </summary>
public static class ReadAhead
{
    private const int BatchSize = 1024;
    private const int BatchesAhead = 8;

    /// <summary>Copies of the rows, read ahead (a reader refills one <see cref="SourceRow"/> for every row).</summary>
    public static IEnumerable<SourceRow> Rows(IEnumerable<SourceRow> rows) => Of(rows, row => row.Snapshot());

    /// <summary><paramref name="transform"/> of each item, computed ahead on the reading thread.</summary>
    public static IEnumerable<TOut> Of<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> transform)
    {
        var batches = new BatchQueue<TOut>(BatchesAhead);
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(
            () => failure = Produce(items, transform, batches),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            while (batches.TryTake(out var batch))
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
            producer.Wait();
            failure?.Throw();
        }
        finally
        {
            // The consumer may stop early (a failed merge): the producer must be done with the reader before the
            // caller disposes it.
            batches.Stop();
            producer.Wait();
        }
    }

    private static ExceptionDispatchInfo? Produce<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> transform, BatchQueue<TOut> batches)
    {
        var batch = new TOut[BatchSize];
        var count = 0;
        try
        {
            foreach (var item in items)
            {
                batch[count++] = transform(item);
                if (count == BatchSize)
                {
                    if (!batches.Add(batch))
                    {
                        return null;
                    }
                    batch = new TOut[BatchSize];
                    count = 0;
                }
            }
            if (count > 0)
            {
                batches.Add(batch[..count]);
            }
            return null;
        }
        catch (Exception e)
        {
            // The rows read before the failure are the consumer's too (a truncated file still reports its first rows).
            if (count > 0)
            {
                batches.Add(batch[..count]);
            }
            return ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            batches.Complete();
        }
    }
}
