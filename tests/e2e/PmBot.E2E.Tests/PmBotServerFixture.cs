using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Microsoft.Playwright;

namespace PmBot.E2E.Tests;

/// <summary>
/// Starts the real PmBot server (the built <c>PmBot.Server.dll</c>) as a child process on a free port with its own
/// SQLite folder, and a headless system Chromium driven by Playwright. Shared by the tests of one class.
/// </summary>
public sealed class PmBotServerFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _log = new();
    private readonly Lock _logLock = new();
    private Process? _server;
    private IPlaywright? _playwright;
    private bool _disposed;

    public string RepoRoot { get; } = FindRepoRoot();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pmbot-e2e-" + Guid.NewGuid().ToString("N"));

    public IBrowser Browser { get; private set; } = null!;

    public string ServerLog
    {
        get
        {
            lock (_logLock)
                return _log.ToString();
        }
    }

    public async Task InitializeAsync()
    {
        // Find the browser first: without it there is nothing to test, and the message must say how to get it.
        var chromium = FindChromium();
        try
        {
            await StartServerAsync();
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
        }
        catch
        {
            StopServer();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Browser is not null)
                await Browser.CloseAsync();
        }
        finally
        {
            _playwright?.Dispose();
            _playwright = null;
            Dispose();
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        StopServer();
        try
        {
            if (Directory.Exists(DataDirectory))
                Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying server; the temp folder is cleaned up by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Where test artifacts such as the documentation screenshot go, relative to the repository.</summary>
    public string RepoPath(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private async Task StartServerAsync()
    {
        var serverProject = RepoPath("src", "PmBot.Server");
        var dll = Path.Combine(serverProject, "bin", BuildConfiguration(), "net10.0", "PmBot.Server.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The server is not built: {dll} is missing. Run `dotnet build` first.");

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Directory.CreateDirectory(DataDirectory);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = serverProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--demo", "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        start.Environment["PmBot__Storage__DataDirectory"] = DataDirectory;
        start.Environment["ASPNETCORE_CONTENTROOT"] = serverProject;
        start.Environment.Remove("ASPNETCORE_URLS");

        _server = new Process { StartInfo = start, EnableRaisingEvents = true };
        _server.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _server.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        if (!_server.Start())
            throw new InvalidOperationException("Could not start `dotnet PmBot.Server.dll`.");
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopServer();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_server.HasExited)
                throw new InvalidOperationException($"The server exited with code {_server.ExitCode} before it was healthy.\n{ServerLog}");
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
                throw new TimeoutException($"GET /healthz did not answer 200 within {StartupTimeout.TotalSeconds} s.\n{ServerLog}");
            await Task.Delay(200);
        }
    }

    private void StopServer()
    {
        var server = _server;
        if (server is null)
            return;
        try
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It has already gone.
        }
        finally
        {
            server.Dispose();
            _server = null;
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
            return;
        lock (_logLock)
        {
            if (_log.Length < 200_000)
                _log.AppendLine(line);
        }
    }

    private static string FindChromium()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PMBOT_CHROMIUM") is { Length: > 0 } configured)
            candidates.Add(configured);
        candidates.AddRange(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium", "/snap/bin/chromium"]);
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            "The end-to-end tests need the system Chromium, and none was found (looked at " + string.Join(", ", candidates) + "). " +
            "Install it with `apt-get install -y chromium` (or set PMBOT_CHROMIUM to its path). Browsers downloaded by `playwright install` are not used.");
    }

    private static string BuildConfiguration() =>
        typeof(PmBotServerFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Could not find PmBot.sln above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
