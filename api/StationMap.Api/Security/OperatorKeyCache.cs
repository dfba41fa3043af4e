using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StationMap.Api.Infrastructure;
using StationMap.Store.Operators;

namespace StationMap.Api.Security;

/// <summary>
/// Operator key lookups, remembered for <see cref="KeyCacheOptions.Seconds"/> whether the key was found or not, so a
/// client repeating a bogus key costs no database round trip per request. Bounded: at most
/// <see cref="KeyCacheOptions.Entries"/> keys are remembered (unknown keys are evicted before known ones), so a flood
/// of random keys cannot grow it. Only the key's SHA-256 is kept. A revoked key stays valid in a process for up to
/// the cache time.
/// </summary>
public sealed class OperatorKeyCache : IDisposable
{
    // A lookup may not hold a request longer than this when the database is slow: the request goes on anonymous.
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(2);

    // After a failed lookup the database is not asked about the same key again for this long.
    private static readonly TimeSpan UnavailableFor = TimeSpan.FromSeconds(1);

    private readonly OperatorKeys _keys;
    private readonly ILogger<OperatorKeyCache> _logger;
    private readonly TimeSpan _remember;
    private readonly MemoryCache _cache;
    private long _databaseLookups;

    public OperatorKeyCache(OperatorKeys keys, IOptions<KeyCacheOptions> options, ILogger<OperatorKeyCache> logger)
    {
        _keys = keys;
        _logger = logger;
        _remember = TimeSpan.FromSeconds(options.Value.Seconds);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.Entries });
    }

    /// <summary>How many lookups reached the database (for tests and diagnostics).</summary>
    public long DatabaseLookups => Interlocked.Read(ref _databaseLookups);

    /// <summary>How many lookups are remembered now (never more than the configured entries).</summary>
    public int Remembered => _cache.Count;

    public async Task<KeyLookup> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (!OperatorKeys.IsWellFormed(key))
        {
            return KeyLookup.Unknown;
        }
        var hash = Convert.ToBase64String(OperatorKeys.Hash(key));
        if (_cache.TryGetValue(hash, out KeyLookup? remembered) && remembered is not null)
        {
            return remembered;
        }
        var lookup = await LookUpAsync(key, cancellationToken);
        var lifetime = lookup.Outcome == KeyLookupOutcome.Unavailable ? UnavailableFor : _remember;
        _cache.Set(hash, lookup, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = lifetime,
            Priority = lookup.Outcome == KeyLookupOutcome.Found ? CacheItemPriority.High : CacheItemPriority.Low,
        });
        return lookup;
    }

    private async Task<KeyLookup> LookUpAsync(string key, CancellationToken requestAborted)
    {
        Interlocked.Increment(ref _databaseLookups);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(LookupTimeout);
        try
        {
            var identity = await _keys.FindAsync(key, timeout.Token);
            if (identity is null)
            {
                _logger.LogDebug("Operator key {Prefix}… is unknown or revoked", key[..Math.Min(10, key.Length)]);
                return KeyLookup.Unknown;
            }
            return new KeyLookup(KeyLookupOutcome.Found, identity);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e) || (e is OperationCanceledException && !requestAborted.IsCancellationRequested))
        {
            _logger.LogWarning("Operator key lookup failed: {Reason}", DatabaseFailures.Describe(e));
            return KeyLookup.Unavailable;
        }
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>What a key lookup found: a holder, nobody, or no answer from the database.</summary>
public sealed record KeyLookup(KeyLookupOutcome Outcome, OperatorIdentity? Identity)
{
    public static readonly KeyLookup Unknown = new(KeyLookupOutcome.Unknown, null);

    public static readonly KeyLookup Unavailable = new(KeyLookupOutcome.Unavailable, null);
}

public enum KeyLookupOutcome
{
    Found,
    Unknown,
    Unavailable,
}

/// <summary>How key lookups are remembered (<c>Security:KeyCache</c>).</summary>
public sealed class KeyCacheOptions
{
    public const string Section = "Security:KeyCache";

    /// <summary>How long a lookup is remembered, found or not; also how long a revoked key may still be accepted.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int Seconds { get; set; } = 30;

    /// <summary>The most keys remembered at once.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int Entries { get; set; } = 10_000;
}
