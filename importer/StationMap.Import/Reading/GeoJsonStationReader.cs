using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StationMap.Import.Reading;

/// <summary>
/// Reads an RFC 7946 FeatureCollection of Points without holding the file: a <see cref="Utf8JsonReader"/> walks the
/// stream buffer by buffer and only one feature at a time is parsed into a <see cref="JsonDocument"/>. A feature's
/// position is its index in <c>features</c>, from 0. Properties map onto fields like CSV headers; the feature's
/// <c>id</c> is the external id unless a property gives one.
/// </summary>
public sealed class GeoJsonStationReader(Stream stream, FieldNames names) : IStationReader
{
    private enum Where
    {
        BeforeRoot,
        InRoot,
        InFeatures,
        AfterFeatures,
        Done,
    }

    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private Where _where = Where.BeforeRoot;
    private bool _sawFeatures;
    private long _absolute;

    public string PositionName => "feature";

    public IEnumerable<SourceRow> Rows()
    {
        var row = new SourceRow();
        long index = 0;
        while (TryNextFeature(out var feature))
        {
            row.Clear(index++);
            using (var document = Parse(feature))
            {
                Fill(row, document.RootElement);
            }
            yield return row;
        }
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> feature) => JsonDocument.Parse(feature);

    private bool TryNextFeature(out ReadOnlyMemory<byte> feature)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            var step = Step(ref reader, out var featureStart, out var featureEnd);
            if (step == StepResult.Feature)
            {
                feature = _buffer.AsMemory(featureStart, featureEnd - featureStart);
                return true;
            }
            if (step == StepResult.End)
            {
                feature = default;
                return false;
            }
            if (_final)
            {
                throw new ImportInputException(
                    $"the GeoJSON ends too early (truncated?) after {_absolute + _start} bytes; nothing was imported");
            }
            Refill();
        }
    }

    private enum StepResult
    {
        NeedMore,
        Feature,
        End,
    }

    private StepResult Step(ref Utf8JsonReader reader, out int featureStart, out int featureEnd)
    {
        featureStart = featureEnd = 0;
        var baseOffset = _start;
        try
        {
            while (true)
            {
                switch (_where)
                {
                    case Where.BeforeRoot:
                        if (!reader.Read())
                        {
                            if (_final && baseOffset + reader.BytesConsumed >= _end)
                            {
                                throw new ImportInputException("the file is empty: expected a GeoJSON FeatureCollection");
                            }
                            return StepResult.NeedMore;
                        }
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new ImportInputException("expected a GeoJSON FeatureCollection object at the top level");
                        }
                        Commit(ref reader, baseOffset, Where.InRoot);
                        break;

                    case Where.InRoot:
                    case Where.AfterFeatures:
                        {
                            var copy = reader;
                            if (!reader.Read())
                            {
                                return StepResult.NeedMore;
                            }
                            if (reader.TokenType == JsonTokenType.EndObject)
                            {
                                if (!_sawFeatures)
                                {
                                    throw new ImportInputException("the FeatureCollection has no \"features\" array");
                                }
                                Commit(ref reader, baseOffset, Where.Done);
                                return StepResult.End;
                            }
                            var property = reader.GetString();
                            if (!reader.Read())
                            {
                                reader = copy;
                                return StepResult.NeedMore;
                            }
                            if (property == "features")
                            {
                                if (reader.TokenType != JsonTokenType.StartArray)
                                {
                                    throw new ImportInputException("\"features\" is not an array");
                                }
                                _sawFeatures = true;
                                Commit(ref reader, baseOffset, Where.InFeatures);
                                break;
                            }
                            if (property == "type" && (reader.TokenType != JsonTokenType.String || reader.GetString() != "FeatureCollection"))
                            {
                                throw new ImportInputException("the top-level \"type\" is not \"FeatureCollection\"");
                            }
                            if (!reader.TrySkip())
                            {
                                return StepResult.NeedMore;
                            }
                            Commit(ref reader, baseOffset, _where);
                            break;
                        }

                    case Where.InFeatures:
                        {
                            if (!reader.Read())
                            {
                                return StepResult.NeedMore;
                            }
                            if (reader.TokenType == JsonTokenType.EndArray)
                            {
                                Commit(ref reader, baseOffset, Where.AfterFeatures);
                                break;
                            }
                            var tokenStart = baseOffset + (int)reader.TokenStartIndex;
                            if (!reader.TrySkip())
                            {
                                return StepResult.NeedMore;
                            }
                            Commit(ref reader, baseOffset, Where.InFeatures);
                            featureStart = tokenStart;
                            featureEnd = baseOffset + (int)reader.BytesConsumed;
                            return StepResult.Feature;
                        }

                    default:
                        if (reader.Read())
                        {
                            throw new ImportInputException("unexpected data after the FeatureCollection");
                        }
                        return _final ? StepResult.End : StepResult.NeedMore;
                }
            }
        }
        catch (JsonException e)
        {
            throw new ImportInputException($"malformed JSON near byte {_absolute + baseOffset + reader.BytesConsumed}: {e.Message}", e);
        }
    }

    private void Commit(ref Utf8JsonReader reader, int baseOffset, Where next)
    {
        _start = baseOffset + (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        _where = next;
        // The reader keeps going over the same span; later commits add its cumulative consumption to the same base.
    }

    private void Refill()
    {
        var pending = _end - _start;
        if (_start == 0 && _end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _absolute += _start;
        }
        _start = 0;
        _end = pending;
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
        }
        _end += read;
    }

    private void Fill(SourceRow row, JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            row.Problem = new RowProblem("feature", Raw(feature), "is not a GeoJSON object");
            return;
        }
        if (!feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature")
        {
            row.Problem = new RowProblem("type", type.ValueKind == JsonValueKind.Undefined ? null : Raw(type), "is not \"Feature\"");
            return;
        }
        if (feature.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            row[ImportField.ExternalId] = Text(id);
        }
        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (names.TryGet(property.Name, out var field))
                {
                    row[field] = Text(property.Value);
                }
            }
        }
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            row.Problem = new RowProblem("geometry", null, "is missing; a station needs a Point");
            return;
        }
        var geometryType = geometry.TryGetProperty("type", out var gt) && gt.ValueKind == JsonValueKind.String ? gt.GetString() : null;
        if (geometryType != "Point")
        {
            row.Problem = new RowProblem("geometry.type", geometryType, "is not a Point");
            return;
        }
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array
            || coordinates.GetArrayLength() < 2)
        {
            row.Problem = new RowProblem("geometry.coordinates", null, "must be [lon, lat]");
            return;
        }
        // RFC 7946: longitude first.
        row[ImportField.Lon] = Text(coordinates[0]);
        row[ImportField.Lat] = Text(coordinates[1]);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(";", value.EnumerateArray().Select(Text).Where(t => t is not null)),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static string Raw(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 60 ? raw : raw[..60] + "…";
    }

    public void Dispose() => stream.Dispose();
}
