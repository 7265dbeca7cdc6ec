namespace PmBot.Channels.Slack;

/// <summary>
/// Slack's documented Block Kit and payload limits (see shared/PROTOCOLS.md, "Block Kit limits"). Lengths count
/// UTF-16 code units, which is never fewer than Slack's character count, so staying under them is safe.
/// </summary>
public static class SlackLimits
{
    public const int BlocksPerMessage = 50;
    public const int BlocksPerView = 100;
    public const int MessageText = 40_000;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ActionsElements = 25;
    public const int ContextElements = 10;
    public const int ContextText = 3000;
    public const int BlockId = 255;
    public const int ActionId = 255;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ImageUrl = 3000;
    public const int ImageAltText = 2000;
    public const int ImageTitle = 2000;

    /// <summary>files.getUploadURLExternal: <c>alt_txt</c> (longer is <c>alt_txt_too_large</c>).</summary>
    public const int FileAltText = 1000;
    public const int ViewTitle = 24;
    public const int ViewSubmitText = 24;
    public const int ViewCloseText = 24;
    public const int CallbackId = 255;
    public const int PrivateMetadata = 3000;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int Placeholder = 150;
    public const int SelectOptions = 100;
    public const int OptionText = 75;
    public const int OptionValue = 150;

    /// <summary>The signature timestamp may be this far from now, either way.</summary>
    public static readonly TimeSpan SignatureClockSkew = TimeSpan.FromSeconds(300);
}
