using System.Net;
using System.Text.Json;

namespace StationMap.Integration.Tests.Infrastructure;

/// <summary>What every refused request must look like: an RFC 7807 problem that names the field at fault.</summary>
public static class Problems
{
    public static async Task AssertNamesFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var reasons), body);
        Assert.NotEmpty(reasons.EnumerateArray());
        Assert.Contains(field, problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", body);
    }
}
