using System.Runtime.CompilerServices;

namespace PmBot.Channels.Tests.Slack;

/// <summary>Recorded Slack wire bodies under <c>Fixtures/</c> beside this file (the tests run from a source checkout).</summary>
internal static class Fixtures
{
    public static string Read(string name, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Fixtures", name);
        // Files end with a newline for editors; Slack's bodies do not.
        return File.ReadAllText(path).TrimEnd('\r', '\n');
    }

    /// <summary>An interaction payload as Slack posts it: a form with one <c>payload</c> field.</summary>
    public static string InteractionForm(string name) => "payload=" + Uri.EscapeDataString(Read(name));
}
