using System.Runtime.CompilerServices;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.Transcripts;

/// <summary>
/// Whole conversations kept as <c>*.chat</c> files and replayed through the web chat API on both stores.
/// Lines: <c>alice&gt; text</c> (alice types), <c>bot&gt; text</c> (the last reply contains it),
/// <c>bot!&gt; text</c> (the last reply does not contain it), <c>wei~&gt; text</c> (a proactive message
/// containing it reaches wei), <c>| text</c> (one more line of the message above it, e.g. a pasted CSV), <c># …</c> comments.
/// </summary>
public sealed class TranscriptTests
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
        await using var app = await PmBotApp.StartAsync(store);
        var chats = new Dictionary<string, WebChatClient>(StringComparer.Ordinal);
        WebChatClient Chat(string user) => chats.TryGetValue(user, out var c) ? c : chats[user] = app.Chat(user);
        var lastReply = "";
        var number = 0;
        (string Who, string Text)? typing = null;
        // A message is sent once its last "| " line has been read.
        async Task SendAsync()
        {
            if (typing is { } message)
                lastReply = await Chat(message.Who).AskAsync(message.Text);
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
                    typing = (typing.Value.Who, typing.Value.Text + "\n" + (line.StartsWith("| ", StringComparison.Ordinal) ? line[2..] : line[1..]));
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
                    case "bot!":
                        Assert.False(lastReply.Contains(text, StringComparison.Ordinal), $"{where}: the reply should not contain \"{text}\". It was:\n{lastReply}");
                        break;
                    default:
                        if (who.EndsWith('~'))
                            await Chat(who[..^1]).WaitForAsync(text);
                        else
                            typing = (who, text);
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

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
