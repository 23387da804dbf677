namespace GraphLite.Batch;

/// <summary>The body stream of a batch item: starts the response on the first write, then buffers it.</summary>
internal sealed class SubResponseStream(SubResponseFeature feature, MemoryStream target) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => target.Length;

    public override long Position
    {
        get => target.Position;
        set => throw new NotSupportedException();
    }

    public override void Flush() => feature.EnsureStartedAsync().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => feature.EnsureStartedAsync();

    public override void Write(byte[] buffer, int offset, int count)
    {
        feature.EnsureStartedAsync().GetAwaiter().GetResult();
        target.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await feature.EnsureStartedAsync();
        await target.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
