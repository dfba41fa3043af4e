using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Hangfire's log provider is process-wide: the last host to configure Hangfire sets it. Where several hosts live in
/// one process (the tests start many, one after another) it can point at a host already disposed, and every Hangfire
/// log call of the other hosts would then throw. This provider drops a message whose logger factory is gone instead.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new DisposalTolerantLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new DisposalTolerantLog(null);
        }
    }

    private sealed class DisposalTolerantLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
