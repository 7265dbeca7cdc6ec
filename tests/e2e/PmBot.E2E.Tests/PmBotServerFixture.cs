using PmBot.TestSupport;
using System.Reflection;
using Microsoft.Playwright;

namespace PmBot.E2E.Tests;

/// <summary>
/// Starts the real PmBot server (the built <c>PmBot.Server.dll</c>) as a child process on a free port with its own
/// SQLite folder, and a headless system Chromium driven by Playwright. Shared by the tests of one class.
/// </summary>
public sealed class PmBotServerFixture : IAsyncLifetime, IDisposable
{

    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private bool _disposed;

    public string RepoRoot { get; } = ServerProcess.RepoRoot();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pmbot-e2e-" + Guid.NewGuid().ToString("N"));

    public IBrowser Browser { get; private set; } = null!;

    public string ServerLog => _server?.Log ?? "";

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
        Directory.CreateDirectory(DataDirectory);
        _server = await ServerProcess.StartAsync(BuildConfiguration(), new Dictionary<string, string> { ["PmBot__Storage__DataDirectory"] = DataDirectory }, "--demo");
        BaseAddress = _server.BaseAddress;
    }

    private void StopServer()
    {
        _server?.Dispose();
        _server = null;
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
}
