using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace StationMap.Api.Jobs;

/// <summary>
/// Hangfire's loggers from this host's logger factory, as Hangfire's own provider gives them, except that a stopped
/// host yields silence instead of <see cref="ObjectDisposedException"/>. Hangfire keeps its log provider in a
/// process-wide static that the last host to configure it sets; where several hosts share a process (the tests start
/// and stop dozens), one host stopping would otherwise make every other host's enqueue and job processing throw.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
