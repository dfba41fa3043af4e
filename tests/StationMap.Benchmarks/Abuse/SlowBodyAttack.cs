using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using StationMap.Benchmarks.Nearest;

namespace StationMap.Benchmarks.Abuse;

/// <summary>
/// The slow-body attack: N connections each POST a large route body to <c>/api/routes/stops</c> and then either trickle
/// it at a few bytes a second or send nearly all of it at once and stall, reconnecting whenever the server cuts one off.
/// Prints what the server did to the attackers (answers by status, connections it closed) and, given the API's pid,
/// its RSS before, at the peak during, and after the attack, as <c>key=value</c> lines for scripts/bench.sh.
/// </summary>
internal static class SlowBodyAttack
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var url = new Uri(options.Get("url", "http://127.0.0.1:5080"));
        var connections = options.GetInt("connections", 400);
        var seconds = options.GetDouble("seconds", 30);
        // 0: send all but the last byte at once, then stall (holds the most memory per connection).
        var rate = options.GetInt("rate", 0);
        var bodyBytes = options.GetInt("body-bytes", 1 << 20);
        var forwardedFor = options.Get("forwarded-for", "");
        var pid = options.GetInt("api-pid", 0);
        var settleSeconds = options.GetDouble("settle-seconds", 20);

        var body = RouteBody(bodyBytes);
        var header = Encoding.ASCII.GetBytes(
            $"POST /api/routes/stops HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {body.Length}\r\n" + (forwardedFor.Length > 0 ? $"X-Forwarded-For: {forwardedFor}\r\n" : "") + "\r\n");

        var rssBefore = Rss(pid);
        var tally = new Tally();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var peak = rssBefore;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(pid));
                await Task.Delay(250).ContinueWith(_ => { });
            }
        });
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => AttackAsync(url, header, body, rate, tally, stop.Token)));
        await sampler;
        var elapsed = watch.Elapsed.TotalSeconds;

        // After: the attackers are gone; give the server time to close, collect and give memory back.
        var after = rssBefore;
        for (var waited = 0.0; waited < settleSeconds; waited += 1)
        {
            await Task.Delay(1000);
            after = Rss(pid);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            connections={connections} seconds={elapsed:0.0} rate={rate} body_bytes={body.Length}
            attempts={tally.Attempts} bytes_sent={tally.BytesSent}
            answered={string.Join(",", tally.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"))}
            closed_by_server={tally.ClosedByServer} refused={tally.Refused}
            rss_before_mb={rssBefore / 1048576.0:0.0} rss_peak_mb={peak / 1048576.0:0.0} rss_after_mb={after / 1048576.0:0.0}
            """));
        return 0;
    }

    private static async Task AttackAsync(Uri url, byte[] header, byte[] body, int rate, Tally tally, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref tally.Attempts);
            using var client = new TcpClient { NoDelay = true };
            try
            {
                await client.ConnectAsync(url.Host, url.Port, stop);
                var stream = client.GetStream();
                await stream.WriteAsync(header, stop);
                var reading = ReadStatusAsync(stream, tally);
                if (rate <= 0)
                {
                    await stream.WriteAsync(body.AsMemory(0, body.Length - 1), stop);
                    Interlocked.Add(ref tally.BytesSent, body.Length - 1);
                    await Task.WhenAny(reading, Task.Delay(Timeout.Infinite, stop));
                }
                else
                {
                    // One write every 100 ms keeps the trickle smooth at low rates.
                    var chunk = Math.Max(1, rate / 10);
                    for (var sent = 0; sent < body.Length - 1 && !reading.IsCompleted; sent += chunk)
                    {
                        await stream.WriteAsync(body.AsMemory(sent, Math.Min(chunk, body.Length - 1 - sent)), stop);
                        Interlocked.Add(ref tally.BytesSent, Math.Min(chunk, body.Length - 1 - sent));
                        await Task.Delay(100, stop);
                    }
                    await Task.WhenAny(reading, Task.Delay(Timeout.Infinite, stop));
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref tally.Refused);
                await Task.Delay(100, CancellationToken.None);
            }
            catch (IOException)
            {
                Interlocked.Increment(ref tally.ClosedByServer);
            }
        }
    }

    /// <summary>The status of whatever the server answers before it closes; completes when it answers or closes.</summary>
    private static async Task ReadStatusAsync(NetworkStream stream, Tally tally)
    {
        var buffer = new byte[512];
        try
        {
            var read = await stream.ReadAsync(buffer);
            if (read >= 12 && int.TryParse(Encoding.ASCII.GetString(buffer, 9, 3), CultureInfo.InvariantCulture, out var status))
            {
                tally.Count(status);
            }
            else
            {
                Interlocked.Increment(ref tally.ClosedByServer);
            }
        }
        catch (IOException)
        {
            Interlocked.Increment(ref tally.ClosedByServer);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>A route of as many positions as fit in <paramref name="bytes"/>; the attack never sends its end anyway.</summary>
    private static byte[] RouteBody(int bytes)
    {
        var text = new StringBuilder("""{"route":{"type":"LineString","coordinates":[""");
        for (var i = 0; text.Length < bytes - 40; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{116 + i % 1000 * 1e-4:0.0000000},{39.9 + i / 1000 * 1e-4:0.0000000}],");
        }
        text.Append("[116.5,40.0]]}}");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static long Rss(int pid)
    {
        if (pid <= 0)
        {
            return 0;
        }
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private sealed class Tally
    {
        public long Attempts;
        public long BytesSent;
        public long ClosedByServer;
        public long Refused;
        private readonly Dictionary<int, long> _statuses = [];

        public Dictionary<int, long> Statuses
        {
            get
            {
                lock (_statuses)
                {
                    return new Dictionary<int, long>(_statuses);
                }
            }
        }

        public void Count(int status)
        {
            lock (_statuses)
            {
                _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            }
        }
    }
}
