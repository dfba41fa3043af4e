using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Kestrel's buffers: 4 KB blocks as in its own pool, but ordinary (movable) arrays and at most
/// <see cref="MaxRetainedBlocks"/> idle blocks kept for reuse; a block returned beyond that is left to the garbage
/// collector. Kestrel's pool allocates on the pinned object heap, keeps every block it ever rented and sheds idle ones
/// at 3-10% per 10 s: after 400 connections stalled route bodies at 1,000,000 stations the pinned heap held 198 MB
/// after an aggressive collection and the process stayed ~150 MB above its size before the attack for minutes. The
/// cap is far above what the benchmarks' steady load keeps in flight, so the hot path still reuses blocks.
/// </summary>
public sealed class RetainedBlockPool : MemoryPool<byte>
{
    public const int BlockSize = 4096;

    /// <summary>16 MB of idle blocks: 32 busy connections use a few hundred.</summary>
    public const int MaxRetainedBlocks = 4096;

    private readonly ConcurrentQueue<Block> _idle = new();
    private int _idleCount;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (_idle.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _idleCount);
            return block;
        }
        return new Block(this);
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _idleCount) <= MaxRetainedBlocks)
        {
            _idle.Enqueue(block);
            return;
        }
        Interlocked.Decrement(ref _idleCount);
    }

    protected override void Dispose(bool disposing) => _idle.Clear();

    private sealed class Block(RetainedBlockPool pool) : IMemoryOwner<byte>
    {
        // Not on the pinned heap: it is never compacted, so blocks dropped there leave its regions committed around the
        // few kept (measured: 302 MB of pinned heap after an aggressive collection). The socket pins a block only for
        // the duration of a read or write, as with ArrayPool-backed pipes.
        public Memory<byte> Memory { get; } = new byte[BlockSize];

        public void Dispose() => pool.Return(this);
    }

    /// <summary>Replaces Kestrel's pool factory: every pool it asks for (the socket transport's, HTTP/2's) is one of these.</summary>
    public sealed class Factory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new RetainedBlockPool();
    }
}
