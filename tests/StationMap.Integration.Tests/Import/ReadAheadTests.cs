using StationMap.Import.Reading;

namespace StationMap.Integration.Tests.Import;

/// <summary>The reading thread of an import: order, failures and an early stop.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Items_arrive_in_order_and_all_of_them()
    {
        var items = ReadAhead.Of(Enumerable.Range(0, 10_007), i => i * 2).ToList();

        Assert.Equal(Enumerable.Range(0, 10_007).Select(i => i * 2), items);
    }

    [Fact]
    public void A_failure_of_the_reader_comes_after_the_items_read_before_it()
    {
        var seen = new List<int>();

        var failure = Assert.Throws<ImportInputException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(1500), i => i))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("broken after 1500", failure.Message);
        Assert.Equal(Enumerable.Range(0, 1500), seen);
    }

    [Fact]
    public void A_consumer_that_stops_early_stops_the_reader_before_it_returns()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }

        var first = ReadAhead.Of(Endless(), i => i).Take(3).ToList();
        var afterStop = Volatile.Read(ref produced);
        Thread.Sleep(100);

        Assert.Equal([0, 1, 2], first);
        Assert.Equal(afterStop, Volatile.Read(ref produced));
    }

    private static IEnumerable<int> Failing(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }
        throw new ImportInputException($"broken after {count}");
    }
}
