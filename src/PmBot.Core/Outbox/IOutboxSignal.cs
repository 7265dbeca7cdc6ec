namespace PmBot.Core.Outbox;

/// <summary>Wakes the dispatcher right after a commit that wrote outbox rows, instead of waiting for a poll.</summary>
public interface IOutboxSignal
{
    void Pulse();

    /// <summary>Waits for a pulse or the timeout; returns true when pulsed.</summary>
    Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>The in-process signal: a pulse while nobody waits is kept for the next wait.</summary>
public sealed class OutboxSignal : IOutboxSignal, IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Pulse()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
                _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another pulse won the race; one pending wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
