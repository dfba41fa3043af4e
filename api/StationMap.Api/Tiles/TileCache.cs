using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StationMap.Domain.Tiles;

namespace StationMap.Api.Tiles;

/// <summary>
/// The encoded tiles of the low zooms (up to <see cref="TilesOptions.CacheMaxZoom"/>), kept for the data version they
/// were built from. Those are few (China is ~100 tiles at z6) but each covers many stations, and a filter that must
/// test stations one by one (an amenity, "open now", truck lengths) walks them all: a zoom-0 tile with an amenity
/// filter walks every station. Deeper tiles cost microseconds and are not kept. A new data version starts an empty
/// cache; "open now" tiles are kept per minute; when <see cref="TilesOptions.CacheMaxTiles"/> are held the cache starts
/// over, so it never holds more than that (a few MB: low-zoom tiles hold at most 64 clusters each).
/// </summary>
public sealed class TileCache(IOptions<TilesOptions> options)
{
    private readonly int _maxZoom = options.Value.CacheMaxZoom;
    private readonly int _maxTiles = options.Value.CacheMaxTiles;
    private Generation? _current;

    /// <summary>The tile's bytes from the cache, or built by <paramref name="build"/> (and kept when its zoom is cached).</summary>
    /// <param name="version">The data version the tile is built from.</param>
    /// <param name="filter">The filters in their canonical spelling (<see cref="TileParameters.CanonicalQuery"/>).</param>
    /// <param name="minute">The minute "open now" is evaluated at; 0 without "open now".</param>
    public byte[] GetOrBuild<TState>(long version, TileId tile, string filter, long minute, TState state, Func<TState, byte[]> build)
    {
        if (tile.Z > _maxZoom || _maxTiles == 0)
        {
            return build(state);
        }
        var generation = Volatile.Read(ref _current);
        if (generation is null || generation.Version != version || generation.Tiles.Count >= _maxTiles)
        {
            // Racing requests may each start one; the last write wins and the others' tiles are simply not kept.
            generation = new Generation(version);
            Volatile.Write(ref _current, generation);
        }
        var key = new Key(tile, filter, minute);
        if (generation.Tiles.TryGetValue(key, out var bytes))
        {
            return bytes;
        }
        bytes = build(state);
        generation.Tiles.TryAdd(key, bytes);
        return bytes;
    }

    /// <summary>How many tiles are held (for tests).</summary>
    internal int Count => Volatile.Read(ref _current)?.Tiles.Count ?? 0;

    private readonly record struct Key(TileId Tile, string Filter, long Minute);

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<Key, byte[]> Tiles { get; } = new();
    }
}
