using PmBot.Channels.Slack;
using PmBot.Core.Domain;
using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.Slack;

public class SlackInboundParserTests
{
    private const string Bot = "U0LAN0Z89";

    // ---------- Slash commands ----------

    [Fact]
    public void ParseSlashCommand_Basic_MapsEveryField()
    {
        var request = SlackInboundParser.ParseSlashCommand(Fixtures.Read("command-basic.txt"));
        var a = request.Activity;

        Assert.Equal(ChannelKind.Slack, a.Channel);
        Assert.Equal("T0001", a.WorkspaceExternalId);
        Assert.Equal("example", a.WorkspaceName);
        Assert.Equal("U2147483697", a.UserExternalId);
        Assert.Equal("steve", a.UserDisplayName);
        Assert.Equal("C2147483705", a.ConversationId);
        Assert.False(a.IsDirect);
        Assert.Equal("project show APOLLO", a.Text);
        Assert.Null(a.ButtonCommand);
        Assert.Null(a.Form);
        Assert.Matches("^slack-cmd:[0-9a-f]{32}$", a.DeliveryId);
        Assert.Equal("/pm", request.Command);
        Assert.Equal("https://hooks.slack.com/commands/T0001/1234567890/AbCdEfGhIjKlMnOpQrStUvWx", request.ResponseUrl);
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", request.TriggerId);
        Assert.Equal("A0PMBOT01", request.ApiAppId);
        Assert.Equal(new SlackTeam("T0001", null, false), request.Team);
    }

    [Fact]
    public void ParseSlashCommand_SameRequestTwice_SameDeliveryId()
    {
        var first = SlackInboundParser.ParseSlashCommand(Fixtures.Read("command-basic.txt"));
        var again = SlackInboundParser.ParseSlashCommand(Fixtures.Read("command-basic.txt"));
        var other = SlackInboundParser.ParseSlashCommand(Fixtures.Read("command-minimal.txt"));

        Assert.Equal(first.Activity.DeliveryId, again.Activity.DeliveryId);
        Assert.NotEqual(first.Activity.DeliveryId, other.Activity.DeliveryId);
    }

    [Fact]
    public void ParseSlashCommand_EnterpriseGridDm_KeysWorkspaceByEnterpriseAndTeam()
    {
        var request = SlackInboundParser.ParseSlashCommand(Fixtures.Read("command-enterprise-dm.txt"));

        Assert.Equal("E0ACME01:T0GRID02", request.Activity.WorkspaceExternalId);
        Assert.Equal(new SlackTeam("T0GRID02", "E0ACME01", true), request.Team);
        Assert.Equal("W0123USER", request.Activity.UserExternalId);
        Assert.True(request.Activity.IsDirect);
        Assert.Equal("my tasks", request.Activity.Text);
    }

    [Fact]
    public void ParseSlashCommand_MissingOptionalFields_Defaults()
    {
        var a = SlackInboundParser.ParseSlashCommand(Fixtures.Read("command-minimal.txt")).Activity;

        Assert.Equal("", a.Text);
        Assert.Null(a.WorkspaceName);
        Assert.Null(a.UserDisplayName);
        Assert.Null(a.Locale);
    }

    [Fact]
    public void ParseSlashCommand_ChineseEmojiEscapesAndLinks_TextAsTyped()
    {
        var a = SlackInboundParser.ParseSlashCommand(Fixtures.Read("command-chinese-emoji.txt")).Activity;

        Assert.Equal("project create \"登月计划 🚀\" R&D <b> apollo.example <@U0LI00002|li>", a.Text);
        Assert.Equal("张伟", a.UserDisplayName);
        Assert.False(a.IsDirect);
    }

    [Fact]
    public void ParseSlashCommand_SocketModeJson_SameAsForm()
    {
        const string json = """{"team_id":"T0001","channel_id":"D1","user_id":"U1","command":"/pm","text":"help","response_url":"https://hooks.slack.com/x","trigger_id":"1.2.3","is_enterprise_install":"false"}""";

        var request = SlackInboundParser.ParseSlashCommandJson(json);

        Assert.Equal("help", request.Activity.Text);
        Assert.True(request.Activity.IsDirect);
    }

    [Theory]
    [InlineData("team_id=T1&channel_id=C1&command=%2Fpm&response_url=x&trigger_id=1")]
    [InlineData("team_id=T1&user_id=U1&command=%2Fpm&response_url=x&trigger_id=1")]
    [InlineData("user_id=U1&channel_id=C1&command=%2Fpm&response_url=x&trigger_id=1")]
    [InlineData("team_id=T1&user_id=U1&channel_id=C1&command=%2Fpm&response_url=x")]
    public void ParseSlashCommand_MissingRequiredField_Throws(string body)
    {
        Assert.Throws<SlackPayloadException>(() => SlackInboundParser.ParseSlashCommand(body));
    }

    // ---------- Events API ----------

    [Fact]
    public void ParseEvent_UrlVerification_ReturnsChallenge()
    {
        var result = SlackInboundParser.ParseEvent(Fixtures.Read("event-url-verification.json"));

        Assert.Equal(new SlackEvent.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), result);
    }

    [Fact]
    public void ParseEvent_AppMention_StripsBotMention()
    {
        var message = Assert.IsType<SlackEvent.Message>(SlackInboundParser.ParseEvent(Fixtures.Read("event-app-mention.json")));
        var a = message.Activity;

        Assert.True(message.IsMention);
        Assert.Equal("project show APOLLO", a.Text);
        Assert.Equal("Ev0MENTION01", a.DeliveryId);
        Assert.Equal("T0001", a.WorkspaceExternalId);
        Assert.Equal("U2147483697", a.UserExternalId);
        Assert.Equal("C2147483705", a.ConversationId);
        Assert.False(a.IsDirect);
        Assert.Equal("1773480413.000200", message.Ts);
        Assert.Null(message.ThreadTs);
        Assert.Equal(Bot, message.Info.BotUserId);
        Assert.Equal(1773480413, message.Info.EventTime);
        Assert.Equal("A0PMBOT01", message.Info.ApiAppId);
    }

    [Fact]
    public void ParseEvent_EnterpriseMentionMidText_StripsNamedMentionAndKeysByEnterpriseAndTeam()
    {
        var message = Assert.IsType<SlackEvent.Message>(SlackInboundParser.ParseEvent(Fixtures.Read("event-app-mention-enterprise.json")));

        Assert.Equal("hey help", message.Activity.Text);
        Assert.Equal("E0ACME01:T0GRID02", message.Activity.WorkspaceExternalId);
        Assert.Equal(new SlackTeam("T0GRID02", "E0ACME01", true), message.Info.Team);
        Assert.Equal("1773480000.000100", message.ThreadTs);
    }

    [Fact]
    public void ParseEvent_GivenBotUserId_OverridesAuthorizations()
    {
        var message = Assert.IsType<SlackEvent.Message>(SlackInboundParser.ParseEvent(Fixtures.Read("event-app-mention.json"), botUserId: "U0OTHER00"));

        Assert.Equal($"<@{Bot}> project show APOLLO", message.Activity.Text);
    }

    [Fact]
    public void ParseEvent_DirectMessageInChinese_IsDirectWithUnescapedText()
    {
        var message = Assert.IsType<SlackEvent.Message>(SlackInboundParser.ParseEvent(Fixtures.Read("event-message-im.json")));

        Assert.False(message.IsMention);
        Assert.True(message.Activity.IsDirect);
        Assert.Equal("D0123DM45", message.Activity.ConversationId);
        Assert.Equal("项目 列表 🚀 & more", message.Activity.Text);
        Assert.Equal("Ev0DMCHINESE", message.Activity.DeliveryId);
    }

    [Fact]
    public void ParseEvent_RetriedEvent_SameDeliveryId()
    {
        var first = Assert.IsType<SlackEvent.Message>(SlackInboundParser.ParseEvent(Fixtures.Read("event-message-im.json")));
        var retry = Assert.IsType<SlackEvent.Message>(SlackInboundParser.ParseEvent(Fixtures.Read("event-message-im-retry.json")));

        Assert.Equal(first.Activity, retry.Activity);
    }

    [Fact]
    public void ParseEvent_FourKilobyteText_KeptWhole()
    {
        var message = Assert.IsType<SlackEvent.Message>(SlackInboundParser.ParseEvent(Fixtures.Read("event-message-im-4kb.json")));

        Assert.Equal(4096, message.Activity.Text!.Length);
        Assert.StartsWith("task add \"Write the release notes", message.Activity.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("event-message-bot.json", "Message subtype 'bot_message'.")]
    [InlineData("event-message-own.json", "A bot's message.")]
    [InlineData("event-message-own-no-bot-id.json", "The bot's own message.")]
    [InlineData("event-message-changed.json", "Message subtype 'message_changed'.")]
    [InlineData("event-message-channel.json", "A message in a 'channel' conversation without a mention.")]
    [InlineData("event-reaction-added.json", "Event type 'reaction_added'.")]
    public void ParseEvent_NothingForPmBot_Ignored(string fixture, string reason)
    {
        var ignored = Assert.IsType<SlackEvent.Ignored>(SlackInboundParser.ParseEvent(Fixtures.Read(fixture)));

        Assert.Equal(reason, ignored.Reason);
        Assert.NotNull(ignored.EventId);
    }

    [Fact]
    public void ParseEvent_AppHomeOpened_HomeOpened()
    {
        var home = Assert.IsType<SlackEvent.HomeOpened>(SlackInboundParser.ParseEvent(Fixtures.Read("event-app-home-opened.json")));

        Assert.Equal(("U2147483697", "D0123DM45", "home"), (home.UserId, home.ChannelId, home.Tab));
        Assert.Equal("Ev0HOMEOPEN1", home.Info.EventId);
        Assert.Equal("app_home_opened", home.Info.EventType);
    }

    [Fact]
    public void ParseEvent_BotJoinedChannel_MemberJoinedAsBot()
    {
        var joined = Assert.IsType<SlackEvent.MemberJoined>(SlackInboundParser.ParseEvent(Fixtures.Read("event-member-joined.json")));

        Assert.Equal((Bot, "C2147483705", "U2147483697", true), (joined.UserId, joined.ChannelId, joined.InviterId, joined.IsBot));
    }

    [Fact]
    public void ParseEvent_AppUninstalled_Uninstalled()
    {
        var uninstalled = Assert.IsType<SlackEvent.Uninstalled>(SlackInboundParser.ParseEvent(Fixtures.Read("event-app-uninstalled.json")));

        Assert.Equal("T0001", uninstalled.Info.Team.WorkspaceExternalId);
    }

    [Fact]
    public void ParseEvent_TokensRevoked_ListsUsersAndBots()
    {
        var revoked = Assert.IsType<SlackEvent.TokensRevoked>(SlackInboundParser.ParseEvent(Fixtures.Read("event-tokens-revoked.json")));

        Assert.Equal(["U2147483697"], revoked.UserIds);
        Assert.Equal([Bot], revoked.BotIds);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"event_callback","team_id":"T1"}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event_id":"Ev1"}""")]
    [InlineData("""{"type":"url_verification"}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1","channel":"C1","text":"x"}}""")]
    public void ParseEvent_Malformed_Throws(string json)
    {
        Assert.Throws<SlackPayloadException>(() => SlackInboundParser.ParseEvent(json));
    }

    [Theory]
    [InlineData("<@U0BOT> help", "help")]
    [InlineData("  <@U0BOT|pmbot>  project list", "project list")]
    [InlineData("please <@U0BOT> help", "please help")]
    [InlineData("project add member <@U0ANN> <@U0BOT>", "project add member <@U0ANN>")]
    [InlineData("<@U0ANN> hi", "<@U0ANN> hi")]
    [InlineData("<@U0BOT>", "")]
    public void StripBotMention_Cases_RemovesOnlyTheBot(string text, string expected)
    {
        Assert.Equal(expected, SlackInboundParser.StripBotMention(text, "U0BOT").Trim());
    }

    // ---------- Interactivity ----------

    [Fact]
    public void ParseInteractionForm_Button_ButtonCommandIsValue()
    {
        var clicked = Assert.IsType<SlackInteraction.ButtonClicked>(SlackInboundParser.ParseInteractionForm(Fixtures.InteractionForm("interaction-button.json")));
        var a = clicked.Activity;

        Assert.Equal("member list project APOLLO", a.ButtonCommand);
        Assert.Null(a.Text);
        Assert.Equal("T0001", a.WorkspaceExternalId);
        Assert.Equal("example", a.WorkspaceName);
        Assert.Equal("U2147483697", a.UserExternalId);
        Assert.Equal("steve", a.UserDisplayName);
        Assert.Equal("C2147483705", a.ConversationId);
        Assert.False(a.IsDirect);
        Assert.Matches("^slack-act:[0-9a-f]{32}$", a.DeliveryId);
        Assert.Equal("12466734323.1395872398.0f3a2b1c", clicked.Info.TriggerId);
        Assert.Equal("https://hooks.slack.com/actions/T0001/1234567890/AbCdEfGhIjKl", clicked.Info.ResponseUrl);
        Assert.Equal("1773480500.000100", clicked.Info.MessageTs);
    }

    [Fact]
    public void ParseInteraction_StaticSelect_ButtonCommandIsSelectedValue()
    {
        var clicked = Assert.IsType<SlackInteraction.ButtonClicked>(SlackInboundParser.ParseInteraction(Fixtures.Read("interaction-static-select.json")));

        Assert.Equal("project show ZEUS", clicked.Activity.ButtonCommand);
    }

    [Fact]
    public void ParseInteraction_OpenFormButton_CarriesTheForm()
    {
        var open = Assert.IsType<SlackInteraction.OpenForm>(SlackInboundParser.ParseInteraction(Fixtures.Read("interaction-open-form.json")));

        Assert.Equal("project create", open.Activity.ButtonCommand);
        Assert.NotNull(open.Form);
        Assert.Equal("New project", open.Form.Title);
        Assert.Equal("Create", open.Form.SubmitLabel);
        Assert.Equal(
            [new FormInput("name", "Name", InputKind.Text, Required: true), new FormInput("finish", "Finish", InputKind.Date, Placeholder: "YYYY-MM-DD")],
            open.Form.Inputs);
        Assert.Equal("32466734323.1395872398.bb", open.Info.TriggerId);
    }

    [Fact]
    public void ParseInteraction_HomeTabButton_AnswersInTheMembersDm()
    {
        var clicked = Assert.IsType<SlackInteraction.ButtonClicked>(SlackInboundParser.ParseInteraction(Fixtures.Read("interaction-home-button.json")));

        Assert.Equal("project list", clicked.Activity.ButtonCommand);
        Assert.Equal("U2147483697", clicked.Activity.ConversationId);
        Assert.True(clicked.Activity.IsDirect);
        Assert.Equal("V0HOME0001", clicked.Info.ViewId);
        Assert.Null(clicked.Info.ResponseUrl);
    }

    [Fact]
    public void ParseInteraction_ViewSubmission_FormWithEveryInputKind()
    {
        var submitted = Assert.IsType<SlackInteraction.FormSubmitted>(SlackInboundParser.ParseInteraction(Fixtures.Read("interaction-view-submission.json")));
        var a = submitted.Activity;

        Assert.NotNull(a.Form);
        Assert.Equal("task add", a.Form.Command);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["project"] = "APOLLO",
                ["title"] = "写发布说明 ✍️",
                ["notes"] = "Line one\nLine two",
                ["estimate"] = "8",
                ["due"] = "2026-04-01",
                ["priority"] = "high",
                ["assignee"] = "<@U0LI00002>",
            },
            a.Form.Values);
        Assert.Equal("C2147483705", a.ConversationId);
        Assert.False(a.IsDirect);
        Assert.Null(a.Text);
        Assert.Null(a.ButtonCommand);
        Assert.Matches("^slack-view:[0-9a-f]{32}$", a.DeliveryId);
        Assert.Equal("1773480000.000100", submitted.Metadata.ThreadTs);
        Assert.Equal(("V0MODAL001", "1773480600.Zx9Y8w7V"), (submitted.Info.ViewId, submitted.Info.ViewHash));
    }

    [Fact]
    public void ParseInteraction_EnterpriseViewSubmissionWithNullTeam_UsesUsersTeamAndDm()
    {
        var submitted = Assert.IsType<SlackInteraction.FormSubmitted>(
            SlackInboundParser.ParseInteractionForm(Fixtures.InteractionForm("interaction-view-submission-enterprise.json")));

        Assert.Equal("E0ACME01:T0GRID02", submitted.Activity.WorkspaceExternalId);
        Assert.True(submitted.Info.Team.IsEnterpriseInstall);
        Assert.Equal("W0123USER", submitted.Activity.ConversationId);
        Assert.True(submitted.Activity.IsDirect);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "Mars" }, submitted.Activity.Form!.Values);
    }

    [Theory]
    [InlineData("interaction-view-closed.json")]
    [InlineData("interaction-shortcut.json")]
    [InlineData("interaction-view-submission-foreign.json")]
    public void ParseInteraction_NothingForPmBot_Ignored(string fixture)
    {
        Assert.IsType<SlackInteraction.Ignored>(SlackInboundParser.ParseInteraction(Fixtures.Read(fixture)));
    }

    [Fact]
    public void ParseInteractionForm_NoPayloadField_Throws()
    {
        Assert.Throws<SlackPayloadException>(() => SlackInboundParser.ParseInteractionForm("foo=bar"));
    }

    [Fact]
    public void ParseInteraction_DifferentClicks_DifferentDeliveryIds()
    {
        var button = (SlackInteraction.ButtonClicked)SlackInboundParser.ParseInteraction(Fixtures.Read("interaction-button.json"));
        var select = (SlackInteraction.ButtonClicked)SlackInboundParser.ParseInteraction(Fixtures.Read("interaction-static-select.json"));

        Assert.NotEqual(button.Activity.DeliveryId, select.Activity.DeliveryId);
    }

    [Fact]
    public void SlackTeam_Keys_DocumentedRule()
    {
        Assert.Equal("T1", new SlackTeam("T1", null).WorkspaceExternalId);
        Assert.Equal("E1:T1", new SlackTeam("T1", "E1").WorkspaceExternalId);
        Assert.Equal("E1:T1", new SlackTeam("T1", "E1", IsEnterpriseInstall: true).WorkspaceExternalId);
        Assert.Equal("E1", new SlackTeam(null, "E1", IsEnterpriseInstall: true).WorkspaceExternalId);
        Assert.Throws<SlackPayloadException>(() => new SlackTeam("", null));
    }
}
