using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PmBot.Channels.Slack;

namespace PmBot.Channels.Tests.Slack.WebApi;

public partial class ManifestTests
{
    /// <summary>Scopes Slack needs to deliver each subscribed bot event (an empty list: none).</summary>
    private static readonly Dictionary<string, string[]> EventScopes = new(StringComparer.Ordinal)
    {
        ["app_mention"] = ["app_mentions:read"],
        ["message.im"] = ["im:history"],
        ["app_home_opened"] = [],
        ["member_joined_channel"] = ["channels:read"],
        ["app_uninstalled"] = [],
        ["tokens_revoked"] = [],
    };

    public static TheoryData<string> Manifests => new() { "manifest.json", "manifest.socket-mode.json" };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Manifest_SchemaFacts_Hold(string file)
    {
        var m = Load(file);

        var display = m["display_information"]!.AsObject();
        var name = (string)display["name"]!;
        Assert.Equal("PmBot", name);
        Assert.InRange(name.Length, 1, 35);
        Assert.InRange(((string)display["description"]!).Length, 1, 140);
        Assert.Matches(HexColor(), (string)display["background_color"]!);

        var features = m["features"]!.AsObject();
        var bot = features["bot_user"]!.AsObject();
        Assert.InRange(((string)bot["display_name"]!).Length, 1, 80);
        Assert.True((bool)bot["always_online"]!);
        Assert.True((bool)features["app_home"]!["home_tab_enabled"]!);
        Assert.True((bool)features["app_home"]!["messages_tab_enabled"]!);

        var commands = features["slash_commands"]!.AsArray();
        Assert.InRange(commands.Count, 1, 50);
        var pm = Assert.Single(commands)!.AsObject();
        Assert.Equal("/pm", (string)pm["command"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)pm["description"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)pm["usage_hint"]));
        Assert.False((bool)pm["should_escape"]!);

        var settings = m["settings"]!.AsObject();
        Assert.True((bool)settings["interactivity"]!["is_enabled"]!);
        Assert.Equal(EventScopes.Keys.Order(), settings["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => (string)e!).Order());
    }

    [Fact]
    public void HttpManifest_Urls_PointAtTheServerEndpoints()
    {
        var m = Load("manifest.json");

        Assert.False((bool)m["settings"]!["socket_mode_enabled"]!);
        Assert.Equal("https://YOUR_HOST/api/slack/commands", (string)m["features"]!["slash_commands"]![0]!["url"]!);
        Assert.Equal("https://YOUR_HOST/api/slack/events", (string)m["settings"]!["event_subscriptions"]!["request_url"]!);
        Assert.Equal("https://YOUR_HOST/api/slack/interactions", (string)m["settings"]!["interactivity"]!["request_url"]!);
        Assert.Equal("https://YOUR_HOST/api/slack/oauth/callback", (string)m["oauth_config"]!["redirect_urls"]![0]!);
    }

    [Fact]
    public void SocketModeManifest_SameAppWithoutUrls()
    {
        var http = Load("manifest.json");
        var socket = Load("manifest.socket-mode.json");

        Assert.True((bool)socket["settings"]!["socket_mode_enabled"]!);
        Assert.DoesNotContain("YOUR_HOST", socket.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"url\"", socket.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("request_url", socket.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Scopes(http), Scopes(socket));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Manifest_Scopes_CoverEveryMethodAndEventAndNothingElse(string file)
    {
        var declared = Scopes(Load(file));
        var calledMethods = typeof(SlackApiMethods).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(calledMethods);
        var needed = new HashSet<string>(StringComparer.Ordinal) { "commands" };
        foreach (var method in calledMethods)
        {
            Assert.True(SlackApiMethods.BotScopes.TryGetValue(method, out var scopes), $"{method} has no entry in SlackApiMethods.BotScopes");
            foreach (var scope in scopes)
            {
                Assert.Contains(scope, declared);
                needed.Add(scope);
            }
        }
        foreach (var scope in EventScopes.Values.SelectMany(s => s))
        {
            Assert.Contains(scope, declared);
            needed.Add(scope);
        }
        Assert.Equal(needed.Order(), declared.Order());
    }

    private static IReadOnlyList<string> Scopes(JsonObject manifest) =>
        manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => (string)s!).ToList();

    private static JsonObject Load(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "manifests", "slack", file);
            if (File.Exists(path))
                return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        }
        throw new FileNotFoundException("manifests/slack/" + file + " not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
