using StationMap.Domain.Nearest;

namespace StationMap.Domain.Search;

/// <summary>
/// The distinct normalised texts of an index's names, addresses, districts and hosts (in that order, each field its
/// own range of ids, so a text that is both an address and a district is two values), and each station's value per
/// field. A field that is missing or normalises to nothing gets the id <c>Texts.Count</c>, which no list holds.
/// </summary>
internal sealed class ValueTable
{
    public List<string> Texts { get; } = [];

    /// <summary>Names without their generic suffixes; null for the other fields.</summary>
    public List<string?> Cores { get; } = [];

    public int NameEnd { get; private set; }

    public int AddressEnd { get; private set; }

    public int DistrictEnd { get; private set; }

    public int[] Name { get; private set; } = [];

    public int[] Address { get; private set; } = [];

    public int[] District { get; private set; } = [];

    public int[] Host { get; private set; } = [];

    public static ValueTable Of(StationIndex stations)
    {
        var table = new ValueTable();
        table.Name = table.Assign(stations.Names, names: true);
        table.NameEnd = table.Texts.Count;
        table.Address = table.Assign(stations.Addresses, names: false);
        table.AddressEnd = table.Texts.Count;
        table.District = table.Assign(stations.Districts, names: false);
        table.DistrictEnd = table.Texts.Count;
        table.Host = table.Assign(stations.Hosts, names: false);
        var none = table.Texts.Count;
        foreach (var field in (int[][])[table.Name, table.Address, table.District, table.Host])
        {
            for (var p = 0; p < field.Length; p++)
            {
                if (field[p] < 0)
                {
                    field[p] = none;
                }
            }
        }
        return table;
    }

    // Raw texts repeat (the same name on thousands of stations), so each is normalised once.
    private int[] Assign(string?[] column, bool names)
    {
        var byRaw = new Dictionary<string, int>(StringComparer.Ordinal);
        var byNormalised = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[column.Length];
        for (var p = 0; p < column.Length; p++)
        {
            if (column[p] is not { } raw)
            {
                ids[p] = -1;
                continue;
            }
            if (!byRaw.TryGetValue(raw, out var id))
            {
                var normalised = SearchText.Normalise(raw);
                if (normalised.Length == 0)
                {
                    id = -1;
                }
                else if (!byNormalised.TryGetValue(normalised, out id))
                {
                    id = Texts.Count;
                    Texts.Add(normalised);
                    Cores.Add(names ? SearchText.WithoutGenericSuffixes(normalised) : null);
                    byNormalised[normalised] = id;
                }
                byRaw[raw] = id;
            }
            ids[p] = id;
        }
        return ids;
    }

    /// <summary>
    /// Renumbers each field's values in the order their first stations come in <paramref name="rankToPosition"/>
    /// (a station has one value per field, so no two values of a field share a first station).
    /// </summary>
    public void NumberByFirstRank(int[] rankToPosition)
    {
        var none = Texts.Count;
        var renumbered = new int[none + 1];
        Array.Fill(renumbered, -1);
        renumbered[none] = none;
        int[][] fields = [Name, Address, District, Host];
        int[] next = [0, NameEnd, AddressEnd, DistrictEnd];
        foreach (var p in rankToPosition)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                if (renumbered[fields[f][p]] < 0)
                {
                    renumbered[fields[f][p]] = next[f]++;
                }
            }
        }
        var texts = new string[none];
        var cores = new string?[none];
        for (var v = 0; v < none; v++)
        {
            texts[renumbered[v]] = Texts[v];
            cores[renumbered[v]] = Cores[v];
        }
        Texts.Clear();
        Texts.AddRange(texts);
        Cores.Clear();
        Cores.AddRange(cores);
        foreach (var field in fields)
        {
            for (var p = 0; p < field.Length; p++)
            {
                field[p] = renumbered[field[p]];
            }
        }
    }
}
