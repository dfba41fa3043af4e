using Npgsql;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Which exceptions mean "the database cannot answer now" (a 503 that is worth retrying) rather than a bug (a 500):
/// the server down, restarting or refusing connections, the pool exhausted, a statement cancelled by
/// <c>statement_timeout</c>, a standby asked to write during a failover.
/// </summary>
public static class DatabaseFailures
{
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Any(IsUnavailable);
            }
            if (e is PostgresException postgres)
            {
                return IsUnavailable(postgres.SqlState);
            }
            // Every other NpgsqlException is about the connection: refused, closed, timed out, no free connection in the pool.
            if (e is NpgsqlException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether the connection itself is gone or points at the wrong server: refused, reset, no host of the wanted role
    /// (no primary during a failover), the server shutting down, or a read-only server asked to write. Not a statement
    /// timeout or a full server, after which the pooled connections are still good.
    /// </summary>
    public static bool IsLostConnection(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Any(IsLostConnection);
            }
            if (e is PostgresException postgres)
            {
                return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                        or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.ReadOnlySqlTransaction;
            }
            if (e is NpgsqlException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What to log: the SQLSTATE when the server gave one, else the kind of failure (never a query's text).</summary>
    public static string Describe(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return $"SQLSTATE {postgres.SqlState}";
            }
            if (e is NpgsqlException { InnerException: { } inner })
            {
                return inner.GetType().Name;
            }
        }
        return exception.GetType().Name;
    }

    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)      // connection exception
        || sqlState.StartsWith("53", StringComparison.Ordinal)   // insufficient resources, 53300 too many connections
        || sqlState.StartsWith("57", StringComparison.Ordinal)   // 57014 query_canceled (statement_timeout), 57P01-57P03 shutdown, cannot connect now
        || sqlState is PostgresErrorCodes.ReadOnlySqlTransaction // a standby during failover
            or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected;
}
