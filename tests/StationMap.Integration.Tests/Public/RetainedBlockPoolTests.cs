using System.Buffers;
using StationMap.Api.Infrastructure;

namespace StationMap.Integration.Tests.Public;

/// <summary>Kestrel's block pool reuses idle blocks up to its cap and leaves the rest to the garbage collector.</summary>
public sealed class RetainedBlockPoolTests
{
    [Fact]
    public void A_returned_block_is_rented_again()
    {
        using var pool = new RetainedBlockPool();
        var first = pool.Rent();
        first.Dispose();
        Assert.Same(first, pool.Rent());
    }

    [Fact]
    public void Idle_blocks_beyond_the_cap_are_not_kept()
    {
        using var pool = new RetainedBlockPool();
        const int extra = 100;
        var rented = Enumerable.Range(0, RetainedBlockPool.MaxRetainedBlocks + extra).Select(_ => pool.Rent()).ToList();
        foreach (var block in rented)
        {
            block.Dispose();
        }
        var known = rented.ToHashSet();
        var again = Enumerable.Range(0, RetainedBlockPool.MaxRetainedBlocks + extra).Select(_ => pool.Rent()).ToList();
        Assert.Equal(RetainedBlockPool.MaxRetainedBlocks, again.Count(known.Contains));
        Assert.All(again, b => Assert.Equal(RetainedBlockPool.BlockSize, b.Memory.Length));
    }

    [Fact]
    public void A_block_larger_than_the_pool_serves_is_refused()
    {
        using var pool = new RetainedBlockPool();
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(RetainedBlockPool.BlockSize + 1));
    }
}
