using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// A request body read as JSON within limits, or the problem to answer instead: 415 unless it says it is JSON, 413 past
/// its endpoint's size, 408 when it does not arrive in time, 400 when it is empty, not JSON, nested too deep, or holds a
/// string that is not UTF-8 or contains a NUL (naming the member). Dispose it to give its buffer back.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    private byte[]? _buffer;

    private JsonBody(JsonDocument? document, byte[]? buffer, ProblemHttpResult? refusal)
    {
        Document = document;
        _buffer = buffer;
        Refusal = refusal;
    }

    /// <summary>The parsed body; null when <see cref="Refusal"/> is set.</summary>
    public JsonDocument? Document { get; }

    public ProblemHttpResult? Refusal { get; }

    public void Dispose()
    {
        Document?.Dispose();
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    public static async Task<JsonBody> ReadAsync(
        HttpRequest request, int maxBytes, RequestLimitsOptions limits, CancellationToken cancellationToken)
    {
        if (!IsJsonUtf8(request.ContentType))
        {
            var sent = string.IsNullOrEmpty(request.ContentType) ? "none" : $"'{ValidationProblems.Shorten(request.ContentType, 60)}'";
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type",
                $"must be application/json (UTF-8), got {sent}");
        }
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(request, maxBytes);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            // Kestrel stops reading a chunked body at the limit too, instead of buffering it for us to refuse.
            sizeFeature.MaxRequestBodySize = maxBytes;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.BodyReadTimeout);
        byte[] buffer;
        int length;
        try
        {
            var read = await ReadWithinAsync(
                request.BodyReader, maxBytes, request.HttpContext.RequestServices.GetRequiredService<BodyMemory>(), deadline.Token);
            if (read is null)
            {
                return TooLarge(request, maxBytes);
            }
            (buffer, length) = read.Value;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Slow(request, $"must arrive within {limits.BodyReadTimeout.TotalSeconds:0} s");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(request, maxBytes);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            // Kestrel's minimum data rate: the body arrives slower than RequestLimits:MinBodyBytesPerSecond.
            return Slow(request, $"must arrive at {limits.MinBodyBytesPerSecond} bytes/s or faster");
        }
        catch (BadHttpRequestException)
        {
            request.HttpContext.Response.Headers.Connection = "close";
            return Refuse(StatusCodes.Status400BadRequest, "Invalid request body", "body", "could not be read (malformed framing)");
        }
        var body = new JsonBody(null, buffer, null);
        var bytes = buffer.AsMemory(0, length);
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            body.Dispose();
            return Refuse(StatusCodes.Status400BadRequest, "Invalid request body", "body", "is empty; send a JSON object");
        }
        if (JsonText.Check(bytes.Span, limits.MaxJsonDepth) is { } problem)
        {
            body.Dispose();
            return Refuse(StatusCodes.Status400BadRequest, "Invalid request body", problem.Parameter, problem.Reason);
        }
        var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth + 1 });
        return new JsonBody(document, body.Detach(), null);
    }

    /// <summary>application/json or any +json type, in UTF-8 (RFC 8259 allows no other encoding).</summary>
    private static bool IsJsonUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private byte[]? Detach()
    {
        var buffer = _buffer;
        _buffer = null;
        return buffer;
    }

    /// <summary>
    /// The body in one pooled array, or null past <paramref name="maxBytes"/>. What arrives is moved out of the pipe at
    /// once into small chunks of our own: bytes left in the pipe would sit in Kestrel's pinned block pool, which keeps
    /// them after the request (it evicts 5% per 10 s when idle), so a stalled attack would stay resident for minutes.
    /// Chunks are ordinary garbage once the request ends. A stalled sender costs what it sent, not its Content-Length.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)?> ReadWithinAsync(
        PipeReader reader, int maxBytes, BodyMemory memory, CancellationToken cancellationToken)
    {
        const int ChunkBytes = 16 << 10;
        var chunks = new List<byte[]>();
        var total = 0;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var sequence = result.Buffer;
                if (total + sequence.Length > maxBytes)
                {
                    reader.AdvanceTo(sequence.End);
                    return null;
                }
                foreach (var segment in sequence)
                {
                    var span = segment.Span;
                    while (!span.IsEmpty)
                    {
                        var used = total % ChunkBytes;
                        if (used == 0)
                        {
                            chunks.Add(new byte[ChunkBytes]);
                        }
                        var n = Math.Min(span.Length, ChunkBytes - used);
                        span[..n].CopyTo(chunks[^1].AsSpan(used));
                        span = span[n..];
                        total += n;
                        memory.Hold(n);
                    }
                }
                reader.AdvanceTo(sequence.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(total, 1));
            for (var i = 0; i < chunks.Count; i++)
            {
                var offset = i * ChunkBytes;
                chunks[i].AsSpan(0, Math.Min(ChunkBytes, total - offset)).CopyTo(buffer.AsSpan(offset));
            }
            return (buffer, total);
        }
        finally
        {
            memory.Release(total);
        }
    }

    private static JsonBody TooLarge(HttpRequest request, int maxBytes)
    {
        // The rest of the body is not wanted: close rather than drain it.
        request.HttpContext.Response.Headers.Connection = "close";
        return Refuse(StatusCodes.Status413PayloadTooLarge, "Request body too large", "body",
            $"must be at most {maxBytes} bytes ({maxBytes / 1024} KB)");
    }

    private static JsonBody Slow(HttpRequest request, string reason)
    {
        request.HttpContext.Response.Headers.Connection = "close";
        return Refuse(StatusCodes.Status408RequestTimeout, "Request body too slow", "body", reason);
    }

    private static JsonBody Refuse(int status, string title, string field, string reason) =>
        new(null, null, ValidationProblems.WithStatus(status, title, [new ParameterProblem(field, reason)]));
}
