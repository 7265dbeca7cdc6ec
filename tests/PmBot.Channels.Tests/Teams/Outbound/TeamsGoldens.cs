using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PmBot.Channels.Tests.WebChat;

namespace PmBot.Channels.Tests.Teams.Outbound;

/// <summary>Adaptive Card goldens under <c>Teams/Outbound/Goldens/</c>: each holds an array of activities or one card.</summary>
internal static class TeamsGoldens
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Folder([CallerFilePath] string callerFile = "") => Golden.GoldensFolder(callerFile);

    public static void Assert(string name, JsonNode json, [CallerFilePath] string callerFile = "") =>
        Golden.AssertMatches(name, json.ToJsonString(Indented), ".json", callerFile);

    public static void AssertActivities(string name, IReadOnlyList<JsonObject> activities, [CallerFilePath] string callerFile = "") =>
        Assert(name, new JsonArray([.. activities.Select(a => (JsonNode)a.DeepClone())]), callerFile);
}
