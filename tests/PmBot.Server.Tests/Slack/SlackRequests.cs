using System.Text;
using PmBot.Channels.Slack;

namespace PmBot.Server.Tests.Slack;

/// <summary>Builds requests as Slack sends them: signed with the app's signing secret at a given moment.</summary>
internal static class SlackRequests
{
    public static HttpRequestMessage Signed(string secret, string path, string body, string contentType = "application/x-www-form-urlencoded", DateTimeOffset? at = null)
    {
        var timestamp = SlackSignature.Timestamp(at ?? TimeProvider.System.GetUtcNow());
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(secret, timestamp, body));
        return request;
    }

    /// <summary>A slash command body; each invocation has its own trigger id (and so its own delivery id).</summary>
    public static string Command(string text, string user, string channel, Uri responseUrl) =>
        $"token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=acme&channel_id={channel}&channel_name=project-apollo" +
        $"&user_id={user}&user_name=ann&command=%2Fpm&text={Uri.EscapeDataString(text)}&api_app_id=A123456" +
        $"&is_enterprise_install=false&response_url={Uri.EscapeDataString(responseUrl.ToString())}&trigger_id=13345224609.738474920.{Guid.NewGuid():N}";

    /// <summary>Polls until <paramref name="condition"/> holds (answers after the ack arrive asynchronously), at most 10 s.</summary>
    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 100 && !condition(); i++)
            await Task.Delay(100);
        Assert.True(condition(), what);
    }
}
