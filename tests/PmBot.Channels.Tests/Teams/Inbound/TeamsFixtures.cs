using System.Runtime.CompilerServices;

namespace PmBot.Channels.Tests.Teams.Inbound;

/// <summary>Bot Framework activities under <c>Fixtures/</c> beside this file, in the documented Teams / Playground shapes.</summary>
internal static class TeamsFixtures
{
    public static string Read(string name, [CallerFilePath] string callerFile = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(callerFile)!, "Fixtures", name));
}
