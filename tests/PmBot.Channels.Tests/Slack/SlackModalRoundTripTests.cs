using System.Text.Json.Nodes;
using PmBot.Channels.Slack;

namespace PmBot.Channels.Tests.Slack;

/// <summary>The renderer's modal and the parser's view_submission agree on block and action ids.</summary>
public class SlackModalRoundTripTests
{
    [Fact]
    public void ParseInteraction_SubmissionOfRenderedModal_ValuesByInputName()
    {
        var form = SlackBlockKitRendererGoldenTests.EveryInputForm();
        var metadata = new SlackModalMetadata(form.Command, "C1", Hidden: new Dictionary<string, string> { ["source"] = "button" });
        var view = SlackBlockKitRenderer.RenderModal(form, SlackModalMetadata.CallbackId, metadata.ToJson());

        // What Slack sends back: state.values[block_id][action_id] with each element's type and value.
        var values = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray())
        {
            var element = block!["element"]!;
            var type = element["type"]!.GetValue<string>();
            JsonObject state = type switch
            {
                "plain_text_input" => new() { ["type"] = type, ["value"] = element["initial_value"]?.GetValue<string>() },
                "number_input" => new() { ["type"] = type, ["value"] = "42" },
                "datepicker" => new() { ["type"] = type, ["selected_date"] = element["initial_date"]!.GetValue<string>() },
                "static_select" => new() { ["type"] = type, ["selected_option"] = element["options"]![0]!.DeepClone() },
                "users_select" => new() { ["type"] = type, ["selected_user"] = element["initial_user"]!.GetValue<string>() },
                _ => throw new InvalidOperationException(type),
            };
            values[block["block_id"]!.GetValue<string>()] = new JsonObject { [element["action_id"]!.GetValue<string>()] = state };
        }
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "x" },
            ["user"] = new JsonObject { ["id"] = "U1", ["name"] = "ann" },
            ["trigger_id"] = "1.2.3",
            ["view"] = new JsonObject
            {
                ["id"] = "V1",
                ["hash"] = "h1",
                ["callback_id"] = view["callback_id"]!.GetValue<string>(),
                ["private_metadata"] = view["private_metadata"]!.GetValue<string>(),
                ["state"] = new JsonObject { ["values"] = values },
            },
        };

        var submitted = Assert.IsType<SlackInteraction.FormSubmitted>(SlackInboundParser.ParseInteraction(payload.ToJsonString()));

        Assert.Equal("project create", submitted.Activity.Form!.Command);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["source"] = "button",
                ["name"] = "Apollo",
                ["goal"] = "Land\non the moon",
                ["budget"] = "42",
                ["start"] = "2026-12-01",
                ["role"] = "pm",
                ["lang"] = "en",
                ["user"] = "<@U0ANN0001>",
            },
            submitted.Activity.Form!.Values);
        Assert.Equal("C1", submitted.Activity.ConversationId);
    }
}
