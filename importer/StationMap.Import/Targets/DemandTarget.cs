using StationMap.Domain.Planning;
using StationMap.Import.Reporting;
using StationMap.Store.Planning;

namespace StationMap.Import.Targets;

/// <summary>Weighted demand points of a planning layer (the row's layer, or the default layer).</summary>
internal sealed class DemandTarget(ImportOptions options, ImportReport report)
    : PlanningTarget<DemandRecord>(options, report, (normaliser, rows) => normaliser.AcceptDemand(rows), PlanningMerge.MergeDemandAsync);
