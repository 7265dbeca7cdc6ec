using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Channels.Tests.WebChat;

namespace PmBot.Channels.Tests.Slack;

/// <summary>
/// Block Kit goldens under <c>Slack/Goldens/</c>, via the shared <see cref="Golden"/> helper. File names say what a
/// golden holds, which the limit and type checks rely on: <c>modal-*</c> and <c>home-*</c> a view, <c>errors-*</c> a
/// <c>response_action</c>, anything else a message as <c>{"text": …, "pages": [[blocks…]…]}</c>.
/// </summary>
internal static class SlackGoldens
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Folder([CallerFilePath] string callerFile = "") => Golden.GoldensFolder(callerFile);

    public static void AssertMessage(string name, SlackMessagePages message, [CallerFilePath] string callerFile = "") =>
        Assert(name, new JsonObject { ["text"] = message.Text, ["pages"] = new JsonArray([.. message.Pages.Select(p => p.DeepClone())]) }, callerFile);

    public static void Assert(string name, JsonNode json, [CallerFilePath] string callerFile = "") =>
        Golden.AssertMatches(name, json.ToJsonString(Indented), ".json", callerFile);
}
