using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace GraphLite.Batch;

/// <summary>
/// The response of one $batch item, kept in memory. Like Kestrel, it runs the OnStarting callbacks (last
/// registered first) before the first byte of the body or at completion, whichever comes first, so middleware
/// that sets headers in OnStarting works for batch items too.
/// </summary>
public sealed class SubResponseFeature : IHttpResponseFeature, IHttpResponseBodyFeature, IDisposable
{
    private readonly MemoryStream _buffer = new();
    private readonly Stack<KeyValuePair<Func<object, Task>, object>> _onStarting = new();
    private readonly Stack<KeyValuePair<Func<object, Task>, object>> _onCompleted = new();
    private readonly SubResponseStream _stream;
    private PipeWriter? _writer;

    public SubResponseFeature()
    {
        _stream = new SubResponseStream(this, _buffer);
    }

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    [Obsolete("Use IHttpResponseBodyFeature.Stream instead.")]
    public Stream Body
    {
        get => _stream;
        set => throw new NotSupportedException("The body of a batch item cannot be replaced through IHttpResponseFeature.");
    }

    public bool HasStarted { get; private set; }

    public Stream Stream => _stream;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));

    /// <summary>The body written so far.</summary>
    public byte[] BodyBytes => _buffer.ToArray();

    public void OnStarting(Func<object, Task> callback, object state)
    {
        if (HasStarted)
        {
            throw new InvalidOperationException("The response has already started.");
        }

        _onStarting.Push(new(callback, state));
    }

    public void OnCompleted(Func<object, Task> callback, object state) => _onCompleted.Push(new(callback, state));

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => EnsureStartedAsync();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(_stream, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }

        await EnsureStartedAsync();
    }

    /// <summary>Runs the OnCompleted callbacks once the item's pipeline has finished.</summary>
    public async Task FireOnCompletedAsync()
    {
        while (_onCompleted.TryPop(out var entry))
        {
            await entry.Key(entry.Value);
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _buffer.Dispose();
    }

    internal async Task EnsureStartedAsync()
    {
        if (HasStarted)
        {
            return;
        }

        while (_onStarting.TryPop(out var entry))
        {
            await entry.Key(entry.Value);
        }

        HasStarted = true;
    }
}
