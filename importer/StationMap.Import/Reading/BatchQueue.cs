namespace StationMap.Import.Reading;

/// <summary>
/// A bounded queue of batches between one producer and one consumer that blocks without spinning. On two cores the
/// spinning waits of BlockingCollection and of the thread pool took the core that the database needed.
/// </summary>
internal sealed class BatchQueue<T>(int capacity)
{
    private readonly Queue<T[]> _batches = new(capacity);
    private readonly object _gate = new();
    private bool _completed;
    private bool _stopped;

    /// <summary>Waits for room; false when the consumer has stopped (the producer should too).</summary>
    public bool Add(T[] batch)
    {
        lock (_gate)
        {
            while (_batches.Count >= capacity && !_stopped)
            {
                Monitor.Wait(_gate);
            }
            if (_stopped)
            {
                return false;
            }
            _batches.Enqueue(batch);
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    /// <summary>No more batches will come.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The consumer gives up: a waiting producer is released.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits for the next batch; false once the queue is complete and empty.</summary>
    public bool TryTake(out T[] batch)
    {
        lock (_gate)
        {
            while (_batches.Count == 0 && !_completed)
            {
                Monitor.Wait(_gate);
            }
            if (_batches.Count == 0)
            {
                batch = [];
                return false;
            }
            batch = _batches.Dequeue();
            Monitor.PulseAll(_gate);
            return true;
        }
    }
}
