namespace PmBot.Server;

/// <summary>Configuration section <c>PmBot</c> (environment: <c>PmBot__Demo=true</c>, …).</summary>
public sealed class PmBotOptions
{
    public const string Section = "PmBot";

    /// <summary>Seed a demo project so a newcomer sees real content at once (also <c>--demo</c>).</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// Where PmBot is reachable from the internet (e.g. https://pmbot.example.com): Slack and Teams fetch chart images
    /// from it, so relative file URLs are resolved against it. <c>PmBot:Slack:PublicBaseUrl</c> overrides it for Slack.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    public HangfireOptions Hangfire { get; set; } = new();

    public Files.FilesOptions Files { get; set; } = new();
}

public sealed class HangfireOptions
{
    /// <summary>Opens <c>/hangfire</c> to non-loopback callers who present it (header, or once as <c>?token=</c>). Empty: loopback only.</summary>
    public string? DashboardToken { get; set; }

    public int WorkerCount { get; set; } = 2;

    /// <summary>Run the Hangfire server in this process (off in tests that only need the API).</summary>
    public bool RunServer { get; set; } = true;
}
