using System.Globalization;

namespace StationMap.Api.Checkins;

/// <summary>
/// The report as one table, as the CSV and the .xlsx hold it and a union's monthly sheet reads: a row per station, then
/// a total per district, then the total of all, told apart by the first column (行: 站点, 区合计, 总计) so that a
/// spreadsheet filter on it keeps one kind of row. Headers are Chinese; the days are ISO dates.
/// </summary>
public sealed class VisitReportTable
{
    public const string StationRow = "站点";
    public const string DistrictRow = "区合计";
    public const string TotalRow = "总计";
    public const string NoDistrict = "（未填写）";

    private VisitReportTable(IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows) => (Headers, Rows) = (headers, rows);

    /// <summary>行, 站点编号, 站点名称, 所在区, 类型, 到访人次, then one column per day of the month (yyyy-MM-dd).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Cells: text (string), whole numbers (long or int), or null for an empty cell.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    public static VisitReportTable From(VisitReport report)
    {
        var headers = new List<string> { "行", "站点编号", "站点名称", "所在区", "类型", "到访人次" };
        for (var day = report.From; day <= report.To; day = day.AddDays(1))
        {
            headers.Add(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        var rows = new List<object?[]>(report.StationTotals.Count + report.DistrictTotals.Count + 1);
        rows.AddRange(report.StationTotals.Select(s =>
            Row([StationRow, s.Id, s.Name, s.District, StationKindWords.Chinese(s.Kind), s.Visits], s.Days)));
        rows.AddRange(report.DistrictTotals.Select(d =>
            Row([DistrictRow, null, StationCount(d.Stations), d.District ?? NoDistrict, null, d.Visits], d.Days)));
        rows.Add(Row([TotalRow, null, StationCount(report.Stations), report.District, null, report.Visits], report.Days));
        return new VisitReportTable(headers, rows);
    }

    private static string StationCount(int stations) => string.Create(CultureInfo.InvariantCulture, $"共 {stations} 个站点");

    private static object?[] Row(object?[] leading, IReadOnlyList<int> days) => [.. leading, .. days.Cast<object?>()];
}
