namespace GraphLite.Tests.Infrastructure;

/// <summary>Holds writers at the save until the expected number arrived, for at most ten seconds.</summary>
public sealed class SaveGate(int writers)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int Arrived => _arrived;

    public async Task PassAsync()
    {
        if (Interlocked.Increment(ref _arrived) >= writers)
        {
            _open.TrySetResult();
        }

        await _open.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }
}
