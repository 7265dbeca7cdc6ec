using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PmBot.TestSupport;

/// <summary>
/// A real PostgreSQL for tests and benchmarks. Uses <c>PMBOT_TEST_POSTGRES</c> (a connection string to a server
/// where the user may create databases) when set; otherwise starts a private PostgreSQL from the machine's
/// binaries (initdb into a temp folder, pg_ctl on a free loopback port, as the <c>postgres</c> OS user when
/// running as root) and stops it when the process exits. Never skips: if neither works it throws and says how
/// to provide one.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string EnvironmentVariable = "PMBOT_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestPostgres? _shared;

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly bool _asPostgresUser;

    private TestPostgres(string serverConnectionString, string? dataDirectory, string? binDirectory, bool asPostgresUser)
    {
        ServerConnectionString = serverConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>Connects to the maintenance database (<c>postgres</c>).</summary>
    public string ServerConnectionString { get; }

    /// <summary>True when this process started the server (and so may restart or stop it).</summary>
    public bool IsPrivate => _dataDirectory is not null;

    /// <summary>The one server of this test process, started on first use.</summary>
    public static async Task<TestPostgres> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync(durable: false);
                var shared = _shared;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts (or connects to) a server. <paramref name="durable"/> keeps fsync on (benchmarks); tests turn it off.</summary>
    public static async Task<TestPostgres> StartAsync(bool durable, params string[] extraSettings)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var builder = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false };
            return new TestPostgres(builder.ConnectionString, null, null, false);
        }

        var bin = FindBinDirectory() ?? throw Unavailable("no PostgreSQL binaries (initdb, pg_ctl) were found");
        var asPostgres = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var dir = Path.Combine(Path.GetTempPath(), "pmbot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        if (asPostgres)
            await RunAsync("chown", ["postgres:postgres", dir], null, false);
        var data = Path.Combine(dir, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "pmbot", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], null, asPostgres);
        var port = FreePort();
        var settings = new List<string> { $"-p {port}", $"-k {dir}", "-c listen_addresses=127.0.0.1", "-c max_connections=300" };
        if (!durable)
            settings.AddRange(["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]);
        settings.AddRange(extraSettings.Select(s => "-c " + s));
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", string.Join(' ', settings), "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start"], null, asPostgres);
        var connection = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "pmbot", Database = "postgres", Pooling = false }.ConnectionString;
        return new TestPostgres(connection, data, bin, asPostgres);
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "pmbot_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true, MaxPoolSize = 100 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory is null || _binDirectory is null)
            return;
        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], null, _asPostgresUser);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        try
        {
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string? FindBinDirectory()
    {
        var candidates = new List<string>();
        try
        {
            var psi = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (process.ExitCode == 0)
                candidates.Add(output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on PATH.
        }
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static async Task RunAsync(string file, string[] arguments, string? workingDirectory, bool asPostgres)
    {
        var psi = asPostgres ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
                psi.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = workingDirectory ?? Path.GetTempPath();
        using var process = Process.Start(psi) ?? throw Unavailable($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static InvalidOperationException Unavailable(string why) => new(
        $"PostgreSQL is needed for these tests but {why}. Either set {EnvironmentVariable} to a connection string of a " +
        "server where the user may create databases (e.g. Host=127.0.0.1;Port=5432;Username=pmbot;Password=…), or install the " +
        "PostgreSQL server binaries (Debian: apt-get install postgresql) so the tests can start a private one.");
}
