using StationMap.Benchmarks.Micro;
using StationMap.Benchmarks.Nearest;
using StationMap.Benchmarks.Planning;

// Driven by scripts/bench.sh; each sub-command prints what the script parses or shows.
return args.FirstOrDefault() switch
{
    "micro" => MicroBenchmarks.Run(args[1..]),
    "in-memory-nearest" => InMemoryNearestRun.Run(args[1..]),
    "in-process-tiles" => StationMap.Benchmarks.Tiles.InProcessTilesRun.Run(args[1..]),
    "pgbench-script" => PgbenchScript.Run(args[1..]),
    "tile-set" => StationMap.Benchmarks.Tiles.TileSet.Run(args[1..]),
    "tile-set-in-process" => StationMap.Benchmarks.Tiles.TileSetRun.Run(args[1..]),
    "tiles-pgbench-script" => StationMap.Benchmarks.Tiles.TilesPgbenchScript.Run(args[1..]),
    "latency-percentiles" => LatencyPercentiles.Run(args[1..]),
    "search-queries" => StationMap.Benchmarks.Search.SearchQuerySet.Run(args[1..]),
    "in-memory-search" => StationMap.Benchmarks.Search.InMemorySearchRun.Run(args[1..]),
    "import-read" => StationMap.Benchmarks.Import.ImportReadRun.Run(args[1..]),
    "planning" => PlanningBenchmark.Run(args[1..]),
    "in-process-dedup" => StationMap.Benchmarks.Dedup.InProcessDedupRun.Run(args[1..]),
    "slow-bodies" => await StationMap.Benchmarks.Abuse.SlowBodyAttack.RunAsync(args[1..]),
    "replica-lag" => await StationMap.Benchmarks.Replicas.ReplicaLagRun.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: StationMap.Benchmarks <command>
          micro [BenchmarkDotNet arguments]                           micro-benchmarks of the hot pure code
          in-memory-nearest --count N [--seed S] [--seconds T] --box minLon,minLat,maxLon,maxLat
                                                                      k=10 on an in-process KD-tree, one thread
          in-process-tiles [--count N] [--seed S] [--tiles T] --box minLon,minLat,maxLon,maxLat
                                                                      station tiles: pyramid build time and memory, per-zoom tile times, one thread
          pgbench-script --box minLon,minLat,maxLon,maxLat [--k K]    the API's nearest SQL as a pgbench script
          tile-set --box minLon,minLat,maxLon,maxLat [--tiles N] [--seed S]
                                                                      random tiles of a map session (zooms 5-16, most at 10-14): z x y lines
          tile-set-in-process --tiles FILE [--count N] [--seed S] [--seconds T]
                                                                      the tile encoder over that set in process, one thread
          tiles-pgbench-script [--tiles N]                            ST_AsMVT of the tiles in table bench_tiles, with our clustering rule
          latency-percentiles FILE...                                 p50/p90/p99 of pgbench per-transaction logs
          search-queries [--count N] [--queries Q] [--seed S]         fragments of generated names, addresses and districts as queries
          in-memory-search --queries FILE [--count N] [--seconds T]   the search index in process over that set, one thread
          planning [--seed S] [--span-m M] [--exact-seconds T] [--exact-workers W]
                                                                      site selection: greedy + swap at city scale, exact vs greedy
          in-process-dedup [--stations N] [--seed S]                  a full place-matching pass over three generated lists, in process:
                                                                      time, memory, precision and recall against the truth
          slow-bodies [--url U] [--connections N] [--seconds T] [--rate BYTES_PER_S] [--body-bytes B]
                      [--forwarded-for ADDRESS] [--api-pid PID] [--settle-seconds S]
                                                                      N connections trickle (rate) or stall (rate 0) route bodies;
                                                                      answers, cut-offs and the API's RSS before/peak/after
          replica-lag --write CS --apis URL,URL --box minLon,minLat,maxLon,maxLat [--imports N] [--timeout-seconds T]
                                                                      import one station at a time on the primary; ms from
                                                                      commit until each API's nearest answers it (p50/p99/max)
        """);
    return 2;
}
