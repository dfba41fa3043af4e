using StationMap.Domain.Planning;
using StationMap.Import.Reporting;
using StationMap.Store.Planning;

namespace StationMap.Import.Targets;

/// <summary>Candidate host sites for new stations.</summary>
internal sealed class CandidatesTarget(ImportOptions options, ImportReport report)
    : PlanningTarget<CandidateRecord>(options, report, (normaliser, rows) => normaliser.AcceptCandidates(rows), PlanningMerge.MergeCandidatesAsync);
