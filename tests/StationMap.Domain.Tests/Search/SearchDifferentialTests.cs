using System.Text;
using StationMap.Domain.Nearest;
using StationMap.Domain.Search;

namespace StationMap.Domain.Tests.Search;

/// <summary>
/// The index against <see cref="BruteForceSearch"/> on seeded random stations and random queries: fragments of the
/// stations' own fields of 1-6 characters (some in full-width forms, some with a generic suffix, some two fragments
/// run together so that only part of them matches), with and without a position, any limit. The large set makes the
/// common characters' tiers too big to gather, so the rank-order walk and the tree walk are checked as well.
/// </summary>
public sealed class SearchDifferentialTests
{
    private const int Seed = 20_261_207;

    private static readonly string[] Brands = ["中国工商银行", "中国银行", "建设银行", "中国石化", "中国石油", "美团外卖", "ＫＦＣ", "Shell", "顺丰速运", ""];
    private static readonly string[] Places = ["前门", "王府井", "朝阳", "望京", "西单", "东直门", "前门东", "大兴", "通州", "亦庄", "门头沟", "长辛店"];
    private static readonly string[] Units = ["支行", "营业部", "加油站", "环卫所", "物业服务中心", "社区", "党群服务中心", "（东店）", "·配送站", "网点"];
    private static readonly string[] Suffixes = [" 暖心驿站", " 户外劳动者服务站", "职工之家", " 驿站", " 爱心驿站", "", ""];
    private static readonly string[] Districts = ["东城区", "西城区", "朝阳区", "海淀区", "丰台区", "房山区"];
    private static readonly string[] Roads = ["前门大街", "建国路", "长安街", "王府井大街", "东大街", "望京街", "京开高速", "107国道"];
    private static readonly string[] Hosts = ["bank_branch", "petrol_station", "中国石油化工股份有限公司北京分公司", "北京市总工会", "restaurant"];

    // Characters most stations have: their tiers are too large to gather in the large set.
    private static readonly string[] Common = ["区", "北京", "站", "京市", "号", "东", "驿站", "中国", "a"];

    [Theory]
    [InlineData(3_000, 600)]
    [InlineData(100_000, 150)]
    public void The_index_answers_as_a_scan_of_every_station_does(int count, int queries)
    {
        var random = new Random(Seed + count);
        var rows = Rows(random, count);
        var builder = new StationIndexBuilder(count);
        foreach (var row in rows)
        {
            builder.Add(row);
        }
        var index = builder.Build(version: 1);
        var brute = new BruteForceSearch(rows);
        for (var q = 0; q < queries + 2 * Common.Length; q++)
        {
            var text = q < 2 * Common.Length ? Common[q / 2] : Query(random, rows);
            var withPosition = q < 2 * Common.Length ? q % 2 == 1 : random.Next(2) == 0;
            double? lat = withPosition ? 39.6 + random.NextDouble() * 0.7 : null;
            double? lon = withPosition ? 115.9 + random.NextDouble() * 1.0 : null;
            var limit = random.Next(4) == 0 ? random.Next(1, SearchQuery.MaxLimit + 1) : SearchQuery.DefaultLimit;
            var expected = brute.Find(text, lat, lon, limit);
            var actual = index.Search.Find(new SearchQuery { Text = text, Lat = lat, Lon = lon, Limit = limit })
                .Select(h => new BruteForceSearch.Expected(index[h.Position].Id, h.Match, h.Share, h.DistanceM, 0)).ToList();
            Assert.True(
                expected.Select(e => (e.Id, e.Match, e.Share, e.DistanceM)).SequenceEqual(actual.Select(a => (a.Id, a.Match, a.Share, a.DistanceM))),
                $"seed {Seed + count} query {q} '{text}' at {lat},{lon} limit {limit}:\n expected [{string.Join(", ", expected)}]\n got      [{string.Join(", ", actual)}]");
        }
    }

    private static List<StationIndexRow> Rows(Random random, int count)
    {
        var rows = new List<StationIndexRow>(count);
        for (var i = 0; i < count; i++)
        {
            var district = Pick(random, Districts);
            var name = random.Next(30) == 0
                ? Pick(random, Suffixes).Trim()
                : string.Concat(Pick(random, Brands), Pick(random, Places), Pick(random, Units), Pick(random, Suffixes));
            var address = random.Next(10) == 0
                ? null
                : string.Concat(random.Next(3) == 0 ? "" : "北京市" + (random.Next(2) == 0 ? district : ""), Pick(random, Roads), random.Next(1, 300), "号");
            // Shared positions make exact ties of distance, broken by id.
            var (lat, lon) = random.Next(20) == 0 && rows.Count > 0
                ? (rows[^1].Lat, rows[^1].Lon)
                : (39.6 + random.NextDouble() * 0.7, 115.9 + random.NextDouble() * 1.0);
            rows.Add(new StationIndexRow(
                i * 7 + 3, StationKind.WarmStation, name, address, random.Next(15) == 0 ? null : district, lat, lon, Amenity.None, null,
                Host: random.Next(8) == 0 ? null : Pick(random, Hosts)));
        }
        return rows;
    }

    private static string Query(Random random, List<StationIndexRow> rows)
    {
        var query = random.Next(12) switch
        {
            0 => Fragment(random, Field(random, rows)) + Fragment(random, Field(random, rows)),
            1 => new string(Enumerable.Range(0, random.Next(1, 5)).Select(_ => (char)random.Next(0x4E00, 0x4E80)).ToArray()),
            2 => Pick(random, Suffixes),
            _ => Fragment(random, Field(random, rows)),
        };
        if (random.Next(4) == 0)
        {
            query = FullWidth(query);
        }
        if (random.Next(5) == 0)
        {
            query += Pick(random, Suffixes);
        }
        return random.Next(8) == 0 ? " " + query.ToUpperInvariant() + "！" : query;
    }

    private static string Field(Random random, List<StationIndexRow> rows)
    {
        var row = rows[random.Next(rows.Count)];
        return random.Next(6) switch
        {
            0 or 1 or 2 => row.Name,
            3 or 4 => row.Address ?? row.Name,
            5 when random.Next(2) == 0 => row.District ?? row.Name,
            _ => row.Host ?? row.Name,
        };
    }

    private static string Fragment(Random random, string text)
    {
        var length = Math.Min(text.Length, random.Next(1, 7));
        return text.Substring(random.Next(text.Length - length + 1), length);
    }

    private static string FullWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is > ' ' and <= '~' ? (char)(c - 0x21 + 0xFF01) : c == ' ' ? '\u3000' : c);
        }
        return builder.ToString();
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
