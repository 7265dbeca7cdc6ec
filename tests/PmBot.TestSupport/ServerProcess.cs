using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PmBot.TestSupport;

/// <summary>
/// The real PmBot server as a child process (<c>dotnet src/PmBot.Server/bin/{configuration}/net10.0/PmBot.Server.dll</c>)
/// on a free loopback port, for end-to-end tests and load runs. Killed, with its process tree, on dispose.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _log = new();
    private readonly Lock _logLock = new();
    private Process? _process;

    private ServerProcess(Uri baseAddress) => BaseAddress = baseAddress;

    public Uri BaseAddress { get; }

    /// <summary>Everything the server printed so far (capped), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_logLock)
                return _log.ToString();
        }
    }

    /// <summary>Starts the server built in <paramref name="configuration"/> and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(string configuration, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var serverProject = Path.Combine(RepoRoot(), "src", "PmBot.Server");
        var dll = Path.Combine(serverProject, "bin", configuration, "net10.0", "PmBot.Server.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The server is not built: {dll} is missing. Run `dotnet build -c {configuration}` first.");
        var port = FreePort();
        var server = new ServerProcess(new Uri($"http://127.0.0.1:{port}/"));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = serverProject, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}" }.Concat(arguments))
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_CONTENTROOT"] = serverProject;
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        server._process = new Process { StartInfo = start, EnableRaisingEvents = true };
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        if (!server._process.Start())
            throw new InvalidOperationException("Could not start `dotnet PmBot.Server.dll`.");
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        try
        {
            await server.WaitUntilHealthyAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>The folder that holds PmBot.sln, found upwards from the running assembly.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Could not find PmBot.sln above {AppContext.BaseDirectory}.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
            return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It has already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process is null || _process.HasExited)
                throw new InvalidOperationException($"The server exited before it was healthy.\n{Log}");
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (clock.Elapsed > StartupTimeout)
                throw new TimeoutException($"GET /healthz did not answer 200 within {StartupTimeout.TotalSeconds} s.\n{Log}");
            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_logLock)
        {
            if (_log.Length < 200_000)
                _log.AppendLine(line);
        }
    }
}
