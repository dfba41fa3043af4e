namespace StationMap.Api.Exports;

/// <summary>
/// A write-only stream that keeps what a synchronous writer (the zip writer) gives it until it is drained, with an
/// asynchronous write, to the response: ASP.NET Core refuses synchronous writes to a response body, and draining every
/// few hundred rows keeps memory to those rows. It cannot seek, so the zip writer streams its entries.
/// </summary>
internal sealed class DrainedStream : Stream
{
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    /// <summary>How many bytes were written in all (the zip writer counts its offsets with it).</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Sends what was written since the last drain to <paramref name="target"/>, and forgets it.</summary>
    public async Task DrainToAsync(Stream target, CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
        {
            return;
        }
        await target.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
