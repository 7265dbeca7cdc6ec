using PmBot.Channels.Teams.Inbound;
using PmBot.Core.Domain;

namespace PmBot.Channels.Tests.Teams.Inbound;

public sealed class TeamsActivityParserTests
{
    private const string Tenant = "72f988bf-0000-4000-8000-0000000e57a1";
    private const string AliceAad = "a11ce000-1111-4222-8333-000000000001";
    private const string BotId = "28:7c0ffee0-aaaa-4bbb-8ccc-000000000b07";

    private static TeamsActivity ParseFixture(string name) => TeamsActivityParser.Parse(TeamsFixtures.Read(name));

    [Fact]
    public void Parse_PersonalMessage_MessageWithIdentityAndLocale()
    {
        var message = Assert.IsType<TeamsActivity.Message>(ParseFixture("message-personal.json"));
        var a = message.Activity;

        Assert.Equal(ChannelKind.Teams, a.Channel);
        Assert.Equal(Tenant, a.WorkspaceExternalId);
        Assert.Equal(AliceAad, a.UserExternalId);
        Assert.Equal("Alice Martin", a.UserDisplayName);
        Assert.Equal("a:1PersonalConversationId", a.ConversationId);
        Assert.True(a.IsDirect);
        Assert.Equal("1700000000001", a.DeliveryId);
        Assert.Equal("list tasks", a.Text);
        Assert.Null(a.ButtonCommand);
        Assert.Null(a.Form);
        Assert.Equal("en-US", a.Locale);
        Assert.Equal("Europe/Berlin", a.TimeZone);
        Assert.Empty(message.Mentions);
    }

    [Fact]
    public void Parse_PersonalMessage_ConversationReferenceForProactiveMessages()
    {
        var message = Assert.IsType<TeamsActivity.Message>(ParseFixture("message-personal.json"));

        Assert.Equal(
            new TeamsConversationReference(
                "https://smba.trafficmanager.net/emea/", "msteams", "a:1PersonalConversationId", "personal", Tenant,
                BotId, "PmBot", "29:1AliceChannelAccountId", AliceAad, "Alice Martin", "1700000000001"),
            message.Reference);
    }

    [Fact]
    public void Parse_ChannelMessageWithMentions_BotMentionRemovedOtherRewrittenTenantFromChannelData()
    {
        var message = Assert.IsType<TeamsActivity.Message>(ParseFixture("message-channel-mentions.json"));
        var a = message.Activity;

        Assert.Equal("assign task 12 to <@29:1BobChannelAccountId|Bob>", a.Text);
        Assert.False(a.IsDirect);
        Assert.Equal(Tenant, a.WorkspaceExternalId);
        Assert.Equal("19:general@thread.tacv2;messageid=1700000000002", a.ConversationId);
        Assert.Equal("America/New_York", a.TimeZone);
        Assert.Equal("channel", message.Reference.ConversationType);
        var bob = Assert.Single(message.Mentions);
        Assert.Equal(new TeamsMember("29:1BobChannelAccountId", null, "Bob"), bob);
    }

    [Fact]
    public void Parse_GroupChatMessage_BotMentionRemovedIgnoringCaseNameWithSpaceDropped()
    {
        var message = Assert.IsType<TeamsActivity.Message>(ParseFixture("message-groupchat.json"));

        Assert.Equal("status <@29:1CarlaId>", message.Activity.Text);
        Assert.False(message.Activity.IsDirect);
        Assert.Equal("groupChat", message.Reference.ConversationType);
        Assert.Equal("Carla Díaz", Assert.Single(message.Mentions).Name);
    }

    [Fact]
    public void Parse_ActionSubmitButton_ButtonCommand()
    {
        var message = Assert.IsType<TeamsActivity.Message>(ParseFixture("submit-button.json"));

        Assert.Equal("task 12 done", message.Activity.ButtonCommand);
        Assert.Null(message.Activity.Text);
        Assert.Null(message.Activity.Form);
        Assert.Equal("1699999999999", message.ReplyToId);
    }

    [Fact]
    public void Parse_ActionSubmitForm_FormSubmissionWithInputValues()
    {
        var message = Assert.IsType<TeamsActivity.Message>(ParseFixture("submit-form.json"));
        var form = message.Activity.Form;

        Assert.NotNull(form);
        Assert.Equal("task new", form.Command);
        Assert.Equal(
            new Dictionary<string, string> { ["title"] = "Write the 发布 notes", ["estimate"] = "3", ["urgent"] = "true", ["assignee"] = "" },
            form.Values);
        Assert.Null(message.Activity.ButtonCommand);
    }

    [Fact]
    public void Parse_ActionExecuteInvoke_CardActionWithButtonCommand()
    {
        var action = Assert.IsType<TeamsActivity.CardAction>(ParseFixture("invoke-execute.json"));

        Assert.Equal("project show 3", action.Activity.ButtonCommand);
        Assert.Equal("pmbot", action.Verb);
        Assert.Equal("f:1700000000006", action.Activity.DeliveryId);
        Assert.Equal("1699999999997", action.ReplyToId);
    }

    [Fact]
    public void Parse_ActionExecuteFormInvoke_CardActionWithForm()
    {
        var action = Assert.IsType<TeamsActivity.CardAction>(ParseFixture("invoke-execute-form.json"));

        Assert.NotNull(action.Activity.Form);
        Assert.Equal("task edit 12", action.Activity.Form.Command);
        Assert.Equal(new Dictionary<string, string> { ["title"] = "New title", ["due"] = "2026-03-09" }, action.Activity.Form.Values);
    }

    [Fact]
    public void Parse_OtherInvoke_UnsupportedInvoke()
    {
        var invoke = Assert.IsType<TeamsActivity.UnsupportedInvoke>(ParseFixture("invoke-other.json"));

        Assert.Equal("composeExtension/query", invoke.Name);
    }

    [Fact]
    public void Parse_CardActionWithoutPmBotData_UnsupportedInvoke()
    {
        var json = TeamsFixtures.Read("invoke-execute.json").Replace("\"pmbot\": {", "\"other\": {", StringComparison.Ordinal);

        Assert.IsType<TeamsActivity.UnsupportedInvoke>(TeamsActivityParser.Parse(json));
    }

    [Fact]
    public void Parse_InstallationAdd_Installed()
    {
        var installed = Assert.IsType<TeamsActivity.Installed>(ParseFixture("installation-add.json"));

        Assert.Equal(Tenant, installed.Reference.TenantId);
        Assert.Equal("a:1PersonalConversationId", installed.Reference.ConversationId);
    }

    [Fact]
    public void Parse_InstallationRemove_Uninstalled()
    {
        Assert.IsType<TeamsActivity.Uninstalled>(ParseFixture("installation-remove.json"));
    }

    [Fact]
    public void Parse_BotAddedToTeam_BotAddedWithTeam()
    {
        var added = Assert.IsType<TeamsActivity.BotAdded>(ParseFixture("conversation-update-bot-added-team.json"));

        Assert.Equal("19:general@thread.tacv2", added.TeamId);
        Assert.Equal("Launch", added.TeamName);
        Assert.Empty(added.OthersAdded);
        Assert.Equal("19:general@thread.tacv2", added.Reference.ConversationId);
    }

    [Fact]
    public void Parse_MembersAdded_MembersAddedWithIds()
    {
        var added = Assert.IsType<TeamsActivity.MembersAdded>(ParseFixture("conversation-update-members-added.json"));

        Assert.Equal(
            [new TeamsMember("29:1NewPersonA", "0e000000-0000-4000-8000-00000000000a", null), new TeamsMember("29:1NewPersonB", null, null)],
            added.Members);
    }

    [Fact]
    public void Parse_UnknownType_Ignored()
    {
        var ignored = Assert.IsType<TeamsActivity.Ignored>(ParseFixture("unknown-type.json"));

        Assert.Equal("messageReaction", ignored.Type);
    }

    [Fact]
    public void Parse_MessageWithoutId_StableHashDeliveryId()
    {
        var first = Assert.IsType<TeamsActivity.Message>(ParseFixture("message-no-id.json"));
        var again = Assert.IsType<TeamsActivity.Message>(ParseFixture("message-no-id.json"));
        var other = TeamsFixtures.Read("message-no-id.json").Replace("my tasks", "my projects", StringComparison.Ordinal);

        Assert.StartsWith("sha256:", first.Activity.DeliveryId, StringComparison.Ordinal);
        Assert.Equal(first.Activity.DeliveryId, again.Activity.DeliveryId);
        Assert.NotEqual(first.Activity.DeliveryId, Assert.IsType<TeamsActivity.Message>(TeamsActivityParser.Parse(other)).Activity.DeliveryId);
        Assert.Null(first.Reference.ActivityId);
    }

    [Fact]
    public void Parse_ChineseMessage_TextLocaleAndClientInfoTimeZone()
    {
        var message = Assert.IsType<TeamsActivity.Message>(ParseFixture("message-chinese.json"));

        Assert.Equal("列出 我的任务 🚀", message.Activity.Text);
        Assert.Equal("zh-CN", message.Activity.Locale);
        Assert.Equal("Asia/Shanghai", message.Activity.TimeZone);
    }

    [Fact]
    public void Parse_PlaygroundMessage_ServiceUrlKeptWithoutTrailingSlash()
    {
        var json = TeamsFixtures.Read("playground-message.json");
        var message = Assert.IsType<TeamsActivity.Message>(TeamsActivityParser.Parse(json));

        Assert.Equal(("http://localhost:56150/_connector", "msteams"), TeamsActivityParser.ReadServiceUrlAndChannel(json));
        Assert.Equal("http://localhost:56150/_connector", message.Reference.ServiceUrl);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", message.Activity.WorkspaceExternalId);
        Assert.Equal("help", message.Activity.Text);
        Assert.True(message.Activity.IsDirect);
    }

    [Fact]
    public async Task AuthenticateAsync_PlaygroundHeaderless_AnonymousWhenAuthDisabled()
    {
        var (serviceUrl, channelId) = TeamsActivityParser.ReadServiceUrlAndChannel(TeamsFixtures.Read("playground-message.json"));
        using var http = new HttpClient();
        var authenticator = new BotFrameworkAuthenticator(new BotFrameworkAuthOptions { AppId = "", AllowUnauthenticated = true }, http);

        Assert.IsType<BotFrameworkAuthResult.Anonymous>(await authenticator.AuthenticateAsync(null, serviceUrl, channelId));
    }

    [Fact]
    public void Parse_MessageWithoutTenant_Throws()
    {
        var json = TeamsFixtures.Read("message-personal.json").Replace("72f988bf-0000-4000-8000-0000000e57a1", "", StringComparison.Ordinal);

        Assert.Throws<TeamsPayloadException>(() => TeamsActivityParser.Parse(json));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    public void Parse_UnreadableBody_Throws(string body)
    {
        Assert.Throws<TeamsPayloadException>(() => TeamsActivityParser.Parse(body));
    }
}
