using System.Net;
using System.Security.Cryptography;
using StationMap.Store.Sources;

namespace StationMap.Api.Sources;

/// <summary>
/// Gets a source's current file: a local path as it is, or an HTTP download made conditional on what was seen last
/// time (If-None-Match / If-Modified-Since), so an unchanged feed costs one 304.
/// </summary>
public sealed class SourceFeed(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "feeds";

    /// <summary>The fetched file, or null when the server says it has not changed.</summary>
    public async Task<FetchedFeed?> FetchAsync(RefreshSourceOptions source, SourceState? state, CancellationToken cancellationToken)
    {
        if (!source.IsHttp)
        {
            if (!File.Exists(source.Location))
            {
                throw new FileNotFoundException($"Source file '{source.Location}' does not exist", source.Location);
            }
            return new FetchedFeed(source.Location, await ChecksumAsync(source.Location, cancellationToken), null, null, IsTemporary: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, source.Location);
        if (state?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (state?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }
        using var response = await httpClients.CreateClient(HttpClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{source.Location} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
        var path = Path.Combine(Path.GetTempPath(), $"stationmap-{source.Name}-{Guid.NewGuid():N}.{source.Format}");
        try
        {
            await using (var file = File.Create(path))
            {
                await response.Content.CopyToAsync(file, cancellationToken);
            }
            return new FetchedFeed(
                path,
                await ChecksumAsync(path, cancellationToken),
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R"),
                IsTemporary: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<string> ChecksumAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>A feed's file on local disk, with its SHA-256 and the HTTP validators to send next time.</summary>
public sealed record FetchedFeed(string Path, string Checksum, string? ETag, string? LastModified, bool IsTemporary) : IDisposable
{
    public void Dispose()
    {
        if (IsTemporary)
        {
            File.Delete(Path);
        }
    }
}
