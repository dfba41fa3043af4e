using System.Globalization;
using System.Text;
using StationMap.Domain.Places;

namespace StationMap.Domain.Tests.Places;

/// <summary>A record of the labelled set with the station it truly is.</summary>
public sealed record LabelledRecord(string Station, PlaceRecord Record, bool Gcj02Mislabelled);

/// <summary>
/// The labelled set <c>tests/cases/places/generated.csv</c>: made by the demo generator with realistic noise
/// (<c>stationmap-import generate-sources --profile labelled --region beijing --stations 1500 --labelled ...</c>), every
/// record with the station it is.
/// </summary>
public static class LabelledRecords
{
    public static string CasePath(string file) => Path.Combine(AppContext.BaseDirectory, "Cases", "places", file);

    public static IReadOnlyList<LabelledRecord> Generated { get; } = Read(CasePath("generated.csv"));

    /// <summary>The sources whose positions may be GCJ-02 labelled WGS-84 in the labelled set.</summary>
    public static IReadOnlySet<string> MaybeGcj02 { get; } = new HashSet<string> { "hosts" };

    private static List<LabelledRecord> Read(string path)
    {
        var rows = Csv(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"no column {name}");
        var (station, source, external, kind, name, address, phone, host, lat, lon, shifted) = (Column("station"), Column("source"),
            Column("external_id"), Column("kind"), Column("name"), Column("address"), Column("phone"), Column("host"), Column("lat"), Column("lon"),
            Column("gcj02_mislabelled"));
        var records = new List<LabelledRecord>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            StationKinds.TryParse(row[kind], out var k);
            records.Add(new LabelledRecord(row[station], new PlaceRecord
            {
                // Ids as a store would give them, in file order: the tests shuffle them too.
                Id = records.Count + 1,
                Source = row[source],
                ExternalId = row[external],
                Kind = k,
                Name = row[name],
                Address = Blank(row[address]),
                Phone = Blank(row[phone]),
                Host = Blank(row[host]),
                Lat = double.Parse(row[lat], CultureInfo.InvariantCulture),
                Lon = double.Parse(row[lon], CultureInfo.InvariantCulture),
            }, row[shifted] == "true"));
        }
        return records;
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    // RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break, quotes doubled.
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }
        return rows;
    }
}
