using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace PmBot.Benchmarks.Outbox;

/// <summary>This benchmark's own executable relaunched in <see cref="OutboxWorker.Mode"/>: one dispatcher process.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, string owner)
    {
        _process = process;
        Owner = owner;
    }

    /// <summary>The lease owner name the worker's dispatcher uses.</summary>
    public string Owner { get; }

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(string owner, string connectionString, Uri fake, double leaseSeconds, int batchSize, int parallel)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this process's executable.");
        var psi = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run through "dotnet PmBot.Benchmarks.dll" the host is dotnet itself: pass the assembly too.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            psi.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in new[]
                 {
                     OutboxWorker.Mode, "--cs", connectionString, "--fake", fake.ToString(), "--owner", owner,
                     "--lease", leaseSeconds.ToString(CultureInfo.InvariantCulture),
                     "--batch-size", batchSize.ToString(CultureInfo.InvariantCulture),
                     "--parallel", parallel.ToString(CultureInfo.InvariantCulture),
                 })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start a worker process.");
        var worker = new WorkerProcess(process, owner);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                worker._ready.TrySetException(new InvalidOperationException($"Worker {owner} closed its output before READY."));
            else if (e.Data.StartsWith("READY", StringComparison.Ordinal))
                worker._ready.TrySetResult();
            else
                Console.Error.WriteLine($"[{owner}] {e.Data}");
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Error.WriteLine($"[{owner}] {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public Task WaitReadyAsync(TimeSpan timeout) => _ready.Task.WaitAsync(timeout);

    /// <summary>SIGKILL: no clean-up, no lease handed back, connections dropped by the OS.</summary>
    public void Kill() => _process.Kill(); // the worker starts no children; walking the process tree would let it run on for milliseconds

    /// <summary>Asks the worker to stop and waits for it (kills it after the timeout).</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
            return;
        try
        {
            await _process.StandardInput.WriteLineAsync("stop");
            await _process.StandardInput.FlushAsync();
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
