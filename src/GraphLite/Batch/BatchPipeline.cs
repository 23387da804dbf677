namespace GraphLite.Batch;

/// <summary>
/// The application's request pipeline as seen from its first middleware, where $batch items enter it.
/// <see cref="BatchExtensions.UseGraphBatching"/> fills it in when the pipeline is built.
/// </summary>
public sealed class BatchPipeline
{
    private RequestDelegate? _pipeline;

    public RequestDelegate Pipeline => _pipeline
        ?? throw new InvalidOperationException("The $batch pipeline is missing: call app.UseGraphBatching() before any other middleware.");

    internal void Capture(RequestDelegate pipeline) => _pipeline = pipeline;
}
