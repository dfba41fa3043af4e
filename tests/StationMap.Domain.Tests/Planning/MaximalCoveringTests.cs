using StationMap.Domain.Planning;
using StationMap.Planning.Exact;
using static StationMap.Domain.Tests.Planning.PlanningInstances;

namespace StationMap.Domain.Tests.Planning;

public sealed class MaximalCoveringTests
{
    private const double Radius = 100;

    // On a line, east in metres: demand 0(10) 90(8) 150(5) 210(8) 300(10); candidates 1@0, 2@150, 3@300.
    // Site 1 covers {0, 90} = 18, site 2 covers {90, 150, 210} = 21, site 3 covers {210, 300} = 18.
    // Greedy takes 2 then 1 (31); the optimum for p = 2 is {1, 3} (36), which one swap finds.
    private static readonly List<DemandPoint> LineDemand =
        [Demand(1, 0, 10), Demand(2, 90, 8), Demand(3, 150, 5), Demand(4, 210, 8), Demand(5, 300, 10)];

    private static readonly List<SitePoint> LineCandidates = [Site(1, 0), Site(2, 150), Site(3, 300)];

    [Fact]
    public void Coverage_sets_are_those_measured_by_hand()
    {
        var problem = CoverageProblem.Build(LineDemand, [], LineCandidates, Radius);
        Assert.Equal([1L, 2, 3], problem.CandidateIds);
        Assert.Equal([0, 1], problem.Covers(0).ToArray());
        Assert.Equal([1, 2, 3], problem.Covers(1).ToArray());
        Assert.Equal([3, 4], problem.Covers(2).ToArray());
        Assert.Equal([0, 1], problem.CoveredBy(1).ToArray());
        Assert.Equal(41, problem.TotalWeight);
    }

    [Fact]
    public void Greedy_alone_misses_the_optimum_and_one_swap_reaches_it()
    {
        var problem = CoverageProblem.Build(LineDemand, [], LineCandidates, Radius);
        var greedy = LazyGreedy.Select(problem, 2);
        Assert.Equal([1, 0], greedy);
        Assert.Equal(31, problem.CoveredWeight(greedy));

        var swaps = SwapSearch.Improve(problem, greedy);
        Assert.Equal(1, swaps);
        Assert.Equal(36, problem.CoveredWeight(greedy));
    }

    [Theory]
    [InlineData(PlanningSolver.Greedy, "local_optimum")]
    [InlineData(PlanningSolver.Exact, "optimal")]
    public void Both_solvers_find_the_hand_checked_optimum(PlanningSolver solver, string status)
    {
        var problem = CoverageProblem.Build(LineDemand, [], LineCandidates, Radius);
        var result = MaximalCovering.Solve(problem, new SiteSelectionOptions { P = 2, Solver = solver }, CpSatCoverSolver.Instance);
        Assert.Equal(solver, result.Solver);
        Assert.Equal(status, result.Status);
        Assert.Equal(36, result.Objective, 9);
        // Explained in greedy order: site 1 adds 18 (ties with 3 go to the lower id), then site 3 adds 18.
        Assert.Equal([(1L, 18.0), (3L, 18.0)], result.Sites.Select(s => (s.CandidateId, s.MarginalGain)));
        Assert.True(result.Bound >= result.Objective);
    }

    [Fact]
    public void Demand_near_an_existing_station_is_covered_already()
    {
        // A station 50 m west of demand 1 covers it (but not demand 2, 140 m away).
        var problem = CoverageProblem.Build(LineDemand, [Site(99, -50)], LineCandidates, Radius);
        Assert.Equal(10, problem.CoveredBeforeWeight);
        Assert.Equal(4, problem.DemandCount);
        var result = MaximalCovering.Solve(problem, new SiteSelectionOptions { P = 1, Solver = PlanningSolver.Exact }, CpSatCoverSolver.Instance);
        Assert.Equal(2, Assert.Single(result.Sites).CandidateId);
        Assert.Equal(21, result.Objective, 9);
    }

    [Fact]
    public void Sites_that_add_nothing_are_not_suggested()
    {
        var problem = CoverageProblem.Build([Demand(1, 0, 5)], [], [Site(1, 0), Site(2, 10), Site(3, 5000)], Radius);
        foreach (var solver in new[] { PlanningSolver.Greedy, PlanningSolver.Exact })
        {
            var result = MaximalCovering.Solve(problem, new SiteSelectionOptions { P = 3, Solver = solver }, CpSatCoverSolver.Instance);
            Assert.Equal(1, Assert.Single(result.Sites).CandidateId);
            Assert.Equal(0, result.Gap);
        }
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Exact_equals_brute_force_and_greedy_is_within_the_guarantee(int seed)
    {
        var random = new Random(seed);
        var (demand, stations, candidates) = Random(
            seed, demand: random.Next(15, 45), stations: random.Next(0, 3), candidates: random.Next(5, 12), spanM: 1500, wholeWeights: seed % 2 == 0);
        var p = random.Next(1, 5);
        const double radius = 350;
        var optimum = BruteForceOptimum(demand, stations, candidates, radius, p);

        var problem = CoverageProblem.Build(demand, stations, candidates, radius);
        var exact = MaximalCovering.Solve(problem, new SiteSelectionOptions { P = p, Solver = PlanningSolver.Exact }, CpSatCoverSolver.Instance);
        var greedy = MaximalCovering.Solve(problem, new SiteSelectionOptions { P = p, Solver = PlanningSolver.Greedy }, CpSatCoverSolver.Instance);
        var plainGreedy = problem.CoveredWeight(LazyGreedy.Select(problem, p));

        var tolerance = 1e-6 * Math.Max(1, optimum);
        Assert.True(Math.Abs(exact.Objective - optimum) <= tolerance, $"seed {seed}: exact {exact.Objective} vs brute force {optimum}");
        Assert.Equal("optimal", exact.Status);
        Assert.True(greedy.Objective <= optimum + tolerance, $"seed {seed}: greedy {greedy.Objective} above optimum {optimum}");
        Assert.True(plainGreedy >= (1 - 1 / Math.E) * optimum - tolerance, $"seed {seed}: lazy greedy {plainGreedy} below (1-1/e) of {optimum}");
        Assert.True(greedy.Objective >= plainGreedy - tolerance, $"seed {seed}: swaps made greedy worse");
        Assert.True(greedy.Bound >= optimum - tolerance, $"seed {seed}: greedy bound {greedy.Bound} below optimum {optimum}");
        Assert.True(exact.Sites.Count <= p && greedy.Sites.Count <= p);
    }

    [Theory]
    [InlineData(PlanningSolver.Greedy)]
    [InlineData(PlanningSolver.Exact)]
    public void Same_input_in_any_order_gives_the_same_answer(PlanningSolver solver)
    {
        var (demand, stations, candidates) = Random(7, demand: 400, stations: 5, candidates: 60, spanM: 3000, wholeWeights: true);
        var first = MaximalCovering.Solve(CoverageProblem.Build(demand, stations, candidates, 300), new SiteSelectionOptions { P = 6, Solver = solver }, CpSatCoverSolver.Instance);
        var shuffle = new Random(3);
        var again = MaximalCovering.Solve(
            CoverageProblem.Build(
                demand.OrderBy(_ => shuffle.Next()).ToList(), stations.OrderBy(_ => shuffle.Next()).ToList(),
                candidates.OrderBy(_ => shuffle.Next()).ToList(), 300),
            new SiteSelectionOptions { P = 6, Solver = solver }, CpSatCoverSolver.Instance);
        Assert.Equal(first.Sites, again.Sites);
        Assert.Equal(first.Objective, again.Objective);
    }

    [Fact]
    public void Ties_go_to_the_lower_candidate_id()
    {
        // Two candidates at the same place: either covers all; the lower id is suggested.
        var problem = CoverageProblem.Build([Demand(1, 0, 3)], [], [Site(8, 0), Site(4, 0)], Radius);
        var result = MaximalCovering.Solve(problem, new SiteSelectionOptions { P = 1, Solver = PlanningSolver.Greedy }, CpSatCoverSolver.Instance);
        Assert.Equal(4, Assert.Single(result.Sites).CandidateId);
    }
}
