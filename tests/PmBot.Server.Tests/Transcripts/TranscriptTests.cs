using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.Transcripts;

/// <summary>
/// Whole conversations kept as <c>*.chat</c> files and replayed through the web chat API on both stores.
/// Lines: <c>alice&gt; text</c> (alice types), <c>bot&gt; text</c> (the last reply contains it),
/// <c>bot!&gt; text</c> (the last reply does not contain it), <c>wei~&gt; text</c> (a proactive message
/// containing it reaches wei; the <c>bot&gt;</c> lines after it look at that message), <c>bob form&gt; q1=text | t1=40</c>
/// (bob submits the form of the last reply: each name is an input's name or its last dotted part), <c>| text</c> (one
/// more line of the message above it, e.g. a pasted CSV),
/// <c>clock&gt; 2027-01-04 09:00 Europe/London</c> (time moves on to that moment, running the recurring jobs it passes; see
/// <see cref="RecurringJobClock"/>; until the first such line the clock is the real one), <c># …</c> comments.
/// </summary>
public sealed partial class TranscriptTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string, Store> Cases()
    {
        var data = new TheoryData<string, Store>();
        foreach (var file in Directory.GetFiles(Folder(), "*.chat").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file), Store.Sqlite);
            data.Add(Path.GetFileName(file), Store.Postgres);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Transcript_Replayed_MatchesEveryBotLine(string file, Store store)
    {
        var clock = new TestClock();
        await using var app = await PmBotApp.StartAsync(store, services: services => services.AddSingleton<TimeProvider>(clock));
        var chats = new Dictionary<string, WebChatClient>(StringComparer.Ordinal);
        WebChatClient Chat(string user) => chats.TryGetValue(user, out var c) ? c : chats[user] = app.Chat(user);
        var lastReply = "";
        var lastHtml = "";
        var number = 0;
        (string Who, string Text, string Where)? typing = null;
        // A message is sent once its last "| " line has been read.
        async Task SendAsync()
        {
            if (typing is { } message)
            {
                var result = message.Who.EndsWith(" form", StringComparison.Ordinal)
                    ? await SubmitFormAsync(Chat(message.Who[..^5]), lastHtml, message.Text, message.Where)
                    : await Chat(message.Who).SayAsync(message.Text);
                lastReply = string.Join("\n", result.Replies.Select(r => r.Plain)) + (result.FormErrors is { } errors ? "\n" + string.Join("\n", errors.Values) : "");
                output.WriteLine($"{message.Who}> {message.Text}\n{lastReply}\n");
                // A refused form stays open in the browser, so the next "form>" line submits it again.
                if (result.FormErrors is null || result.Replies.Any(r => (r.Html ?? "").Contains("data-command=", StringComparison.Ordinal)))
                    lastHtml = string.Join("\n", result.Replies.Select(r => r.Html));
            }
            typing = null;
        }
        try
        {
            foreach (var raw in File.ReadLines(Path.Combine(Folder(), file)))
            {
                number++;
                var line = raw.TrimEnd();
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                if (line.StartsWith('|'))
                {
                    Assert.True(typing is not null, $"{file}:{number}: a '| ' line continues a user's message");
                    typing = typing.Value with { Text = typing.Value.Text + "\n" + (line.StartsWith("| ", StringComparison.Ordinal) ? line[2..] : line[1..]) };
                    continue;
                }
                await SendAsync();
                var marker = line.IndexOf("> ", StringComparison.Ordinal);
                Assert.True(marker > 0, $"{file}:{number}: expected 'who> text'");
                var who = line[..marker];
                var text = line[(marker + 2)..];
                var where = $"{file}:{number} ({store})";
                switch (who)
                {
                    case "bot":
                        Assert.True(lastReply.Contains(text, StringComparison.Ordinal), $"{where}: the reply does not contain \"{text}\". It was:\n{lastReply}");
                        break;
                    case "clock":
                        var started = System.Diagnostics.Stopwatch.StartNew();
                        await RecurringJobClock.AdvanceAsync(app, clock, Moment(text, where));
                        output.WriteLine($"clock> {text} ({started.ElapsedMilliseconds} ms)\n");
                        break;
                    case "bot!":
                        Assert.False(lastReply.Contains(text, StringComparison.Ordinal), $"{where}: the reply should not contain \"{text}\". It was:\n{lastReply}");
                        break;
                    default:
                        if (who.EndsWith('~'))
                        {
                            lastReply = (await Chat(who[..^1]).WaitForAsync(text)).Plain ?? "";
                            lastHtml = "";
                            output.WriteLine($"{who}> {lastReply}\n");
                        }
                        else
                            typing = (who, text, where);
                        break;
                }
            }
            await SendAsync();
        }
        finally
        {
            foreach (var chat in chats.Values)
                chat.Dispose();
        }
    }

    /// <summary>"2027-01-04 09:00 Europe/London" as an instant.</summary>
    private static DateTimeOffset Moment(string text, string where)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var local = default(DateTime);
        Assert.True(parts.Length == 3 && DateTime.TryParseExact(parts[0] + " " + parts[1], "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out local), $"{where}: expected 'clock> YYYY-MM-DD HH:MM Zone/Name'");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(parts[2]);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Submits the form in <paramref name="html"/> with "name=value | name=value" (names matched exactly or by their last dotted part).</summary>
    private static Task<global::PmBot.Server.WebChat.WebChatEndpoints.PostResult> SubmitFormAsync(WebChatClient chat, string html, string text, string where)
    {
        var command = FormCommand().Match(html);
        Assert.True(command.Success, $"{where}: the last reply has no form");
        var names = InputName().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in text.Split(" | "))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"{where}: expected name=value, got \"{pair}\"");
            var key = pair[..equals].Trim();
            var name = names.FirstOrDefault(n => n == key || n.EndsWith("." + key, StringComparison.Ordinal));
            Assert.True(name is not null, $"{where}: the form has no input \"{key}\"; it has {string.Join(", ", names)}");
            values[name] = pair[(equals + 1)..].Trim();
        }
        return chat.SubmitAsync(System.Net.WebUtility.HtmlDecode(command.Groups[1].Value), values);
    }

    [System.Text.RegularExpressions.GeneratedRegex("data-command=\"([^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex FormCommand();

    [System.Text.RegularExpressions.GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex InputName();

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
