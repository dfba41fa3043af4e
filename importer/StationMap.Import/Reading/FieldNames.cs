using System.Text.Json;

namespace StationMap.Import.Reading;

/// <summary>
/// Which input column (CSV header, GeoJSON property) fills which <see cref="ImportField"/>: English and the common
/// Chinese headers of union spreadsheets built in, plus an optional mapping file for anything else.
/// </summary>
public sealed class FieldNames
{
    private static readonly (ImportField Field, string[] Names)[] BuiltIn =
    [
        (ImportField.ExternalId, ["external_id", "externalid", "id", "ref", "code", "编号", "站点编号", "驿站编号", "序号"]),
        (ImportField.Name, ["name", "station_name", "名称", "站点名称", "驿站名称", "站名"]),
        (ImportField.Kind, ["kind", "type", "category", "类型", "站点类型", "类别"]),
        (ImportField.Lat, ["lat", "latitude", "y", "纬度"]),
        (ImportField.Lon, ["lon", "lng", "long", "longitude", "x", "经度"]),
        (ImportField.Address, ["address", "addr", "地址", "详细地址", "站点地址"]),
        (ImportField.District, ["district", "area", "所属区", "所在区", "区县", "行政区"]),
        (ImportField.Amenities, ["amenities", "facilities", "services", "服务设施", "设施", "服务项目", "配套设施"]),
        (ImportField.OpeningHours, ["opening_hours", "hours", "open_hours", "开放时间", "服务时间", "营业时间"]),
        (ImportField.Phone, ["phone", "tel", "telephone", "contact", "电话", "联系电话"]),
        (ImportField.Host, ["host", "operator", "承建单位", "依托单位", "运营单位"]),
        (ImportField.TruckParkingSpaces, ["truck_parking_spaces", "货车车位"]),
        (ImportField.MaxVehicleLengthM, ["max_vehicle_length_m", "最大车长"]),
        (ImportField.HazmatAllowed, ["hazmat_allowed", "危化品"]),
        (ImportField.Road, ["road", "道路", "所在道路"]),
        // Planning inputs (demand and candidate sites). A candidate file's "type"/"类型" column fills Kind and is read
        // as the host type when there is no host_type column.
        (ImportField.Weight, ["weight", "demand", "权重", "人数", "需求量"]),
        (ImportField.Layer, ["layer", "demand_layer", "图层", "需求图层"]),
        (ImportField.HostType, ["host_type", "site_type", "场所类型", "依托类型"]),
        (ImportField.Capacity, ["capacity", "容量", "可容纳人数"]),
    ];

    private readonly Dictionary<string, ImportField> _byName;

    private FieldNames(Dictionary<string, ImportField> byName) => _byName = byName;

    /// <summary>The built-in names only.</summary>
    public static FieldNames Default { get; } = Create(null);

    /// <summary>
    /// The built-in names plus <paramref name="mapping"/> (input name → field wire name), which wins over them.
    /// </summary>
    public static FieldNames Create(IReadOnlyDictionary<string, string>? mapping)
    {
        var byName = new Dictionary<string, ImportField>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, names) in BuiltIn)
        {
            foreach (var name in names)
            {
                byName[name] = field;
            }
        }
        foreach (var (name, wire) in mapping ?? new Dictionary<string, string>())
        {
            if (!ImportFields.TryParse(wire, out var field))
            {
                throw new ImportInputException(
                    $"mapping: '{name}' maps to unknown field '{wire}'; expected one of {string.Join(", ", ImportFields.WireNames)}");
            }
            byName[Normalise(name)] = field;
        }
        return new FieldNames(byName);
    }

    /// <summary>Reads a mapping file: a JSON object of input names to field names, e.g. <c>{"站点": "name"}</c>.</summary>
    public static FieldNames FromFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new ImportInputException($"mapping file {path} is empty");
            return Create(mapping);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ImportInputException($"mapping file {path}: {e.Message}", e);
        }
    }

    /// <summary>The field <paramref name="inputName"/> fills; a unit or datum in brackets (<c>经度(GCJ-02)</c>) is ignored.</summary>
    public bool TryGet(string inputName, out ImportField field)
    {
        var name = Normalise(inputName);
        if (_byName.TryGetValue(name, out field))
        {
            return true;
        }
        var bracket = name.IndexOf('(', StringComparison.Ordinal);
        return bracket > 0 && _byName.TryGetValue(name[..bracket].Trim(), out field);
    }

    private static string Normalise(string name) => name.Trim().Trim('\uFEFF').Replace('（', '(').Replace('）', ')');
}
