using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>Sends check-ins as the map client does: a device id in the header, the position in the body.</summary>
internal static class CheckinClient
{
    public static string NewDevice() => "dev-" + Guid.NewGuid().ToString("N");

    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client, long stationId, string? device, string kind, double? lat, double? lon, string? amenity = null, string? comment = null,
        string? operatorKey = null)
    {
        var body = new Dictionary<string, object?> { ["kind"] = kind };
        if (amenity is not null) body["amenity"] = amenity;
        if (comment is not null) body["comment"] = comment;
        if (lat is not null) body["lat"] = lat;
        if (lon is not null) body["lon"] = lon;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stations/{stationId}/checkins") { Content = JsonContent.Create(body) };
        if (device is not null) request.Headers.Add("X-Device-Id", device);
        if (operatorKey is not null) request.Headers.Authorization = new("Bearer", operatorKey);
        return client.SendAsync(request);
    }

    /// <summary>The station's public status (null when nothing is on), as the card reads it.</summary>
    public static async Task<JsonElement?> StatusAsync(HttpClient client, long stationId)
    {
        var station = await client.GetFromJsonAsync<JsonElement>($"/api/stations/{stationId}");
        return station.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object ? status : null;
    }

    public static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
