using System.Buffers;
using System.Text;
using System.Text.Json;
using StationMap.Domain.Places;

namespace StationMap.Store.Places;

/// <summary>A pair's evidence as the review queue stores and shows it (jsonb, camelCase, agreements as words).</summary>
public static class PlaceEvidenceJson
{
    public static string Write(PairEvidence evidence)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("distanceM", Math.Round(evidence.DistanceM, 1));
            json.WriteBoolean("shifted", evidence.Shifted);
            if (evidence.NameSimilarity is { } similarity)
            {
                json.WriteNumber("nameSimilarity", Math.Round(similarity, 3));
            }
            else
            {
                json.WriteNull("nameSimilarity");
            }
            json.WriteBoolean("nameShared", evidence.NameShared);
            json.WriteString("brand", Word(evidence.Brand));
            json.WriteString("host", Word(evidence.Host));
            json.WriteString("address", Word(evidence.Address));
            json.WriteString("phone", Word(evidence.Phone));
            json.WriteBoolean("sameKind", evidence.SameKind);
            json.WriteNumber("score", Math.Round(evidence.Score, 2));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Word(Agreement agreement) => agreement switch
    {
        Agreement.Same => "same",
        Agreement.Different => "different",
        _ => "unknown",
    };
}
