namespace StationMap.Integration.Tests.Infrastructure;

public static class ResponseHeaders
{
    /// <summary>A response header's values joined, or "" when the response has none.</summary>
    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
