using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PmBot.Channels.Tests.Teams.Outbound;

/// <summary>
/// Runs the Node.js checkers in <c>cardcheck/</c> (adaptivecards and @microsoft/app-manifest, pinned in its
/// package.json / package-lock.json). Installs them with <c>npm ci</c> when node_modules is missing; fails with
/// install instructions when node or npm is missing.
/// </summary>
internal static class NodeTool
{
    public static string Folder([CallerFilePath] string callerFile = "") => Path.Combine(Path.GetDirectoryName(callerFile)!, "cardcheck");

    private static readonly Lock InstallLock = new();

    public static void EnsureInstalled()
    {
        RequireTool("node");
        RequireTool("npm");
        lock (InstallLock)
        {
            var modules = Path.Combine(Folder(), "node_modules");
            if (File.Exists(Path.Combine(modules, "adaptivecards", "package.json"))
                && File.Exists(Path.Combine(modules, "@microsoft", "app-manifest", "package.json"))
                && File.Exists(Path.Combine(modules, "fs-extra", "package.json")))
                return;
            var install = Run("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci in {Folder()} failed:\n{install.Output}");
        }
    }

    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Folder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{fileName} took longer than {timeout}.");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static void RequireTool(string tool)
    {
        try
        {
            if (Run(tool, ["--version"], TimeSpan.FromSeconds(30)).ExitCode == 0)
                return;
        }
        catch (Win32Exception)
        {
        }
        Assert.Fail($"'{tool}' is needed to validate the Teams cards and manifest. Install Node.js 20+ and npm "
            + "(Debian/Ubuntu: `apt-get install -y nodejs npm`; elsewhere see nodejs.org), then run the tests again; "
            + "the pinned packages are then installed with `npm ci` in tests/PmBot.Channels.Tests/Teams/Outbound/cardcheck.");
    }
}
