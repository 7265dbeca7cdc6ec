using System.Runtime.CompilerServices;
using System.Text;

namespace PmBot.Channels.Tests.WebChat;

/// <summary>
/// Exact comparison against a checked-in file under <c>Goldens/</c> beside the calling test's source file (the web
/// chat's HTML, Slack's Block Kit JSON…). With
/// <c>PMBOT_UPDATE_GOLDENS=1</c> the file is (re)written instead; review the diff before committing it.
/// </summary>
internal static class Golden
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void AssertMatches(string name, string actual, string extension = ".html", [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(FolderBeside(callerFile), name + extension);
        // One fragment per file, ending with a newline as .editorconfig wants.
        var content = actual + "\n";
        if (Environment.GetEnvironmentVariable("PMBOT_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(path, content, Utf8);
            return;
        }
        Assert.True(File.Exists(path), $"Golden {path} is missing; run the tests once with PMBOT_UPDATE_GOLDENS=1 and review it.");
        var expected = File.ReadAllText(path, Utf8).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, content);
    }

    /// <summary>The <c>Goldens/</c> folder beside the calling test's source file.</summary>
    public static string GoldensFolder([CallerFilePath] string callerFile = "") => FolderBeside(callerFile);

    private static string FolderBeside(string callerFile)
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Goldens");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"No Goldens folder beside {callerFile}: the tests must run from a source checkout.");
        return folder;
    }
}
