using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PmBot.Channels.Teams.Inbound;

/// <summary>
/// Retrieves OpenID metadata and its JWKS with <see cref="OpenIdConnectConfigurationRetriever"/>, and keeps the
/// <c>endorsements</c> array of each key (an extension of the Bot Framework's JWKS) from the very JWKS document the
/// keys came from, so keys and endorsements always belong to the same retrieval.
/// Each completed retrieval is announced to <see cref="NextRetrieval"/> waiters.
/// </summary>
internal sealed class BotFrameworkKeyRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> NoEndorsements =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<OpenIdConnectConfiguration, IReadOnlyDictionary<string, IReadOnlySet<string>>> endorsements = new();
    private readonly Lock gate = new();
    private TaskCompletionSource<OpenIdConnectConfiguration?> next = NewSignal();

    /// <summary>Completes with the configuration of the next retrieval to finish, or null when it fails.</summary>
    public Task<OpenIdConnectConfiguration?> NextRetrieval()
    {
        lock (gate)
            return next.Task;
    }

    /// <summary>The endorsements (channel ids) of key <paramref name="keyId"/> in <paramref name="configuration"/>; empty when it has none.</summary>
    public IReadOnlySet<string> EndorsementsOf(OpenIdConnectConfiguration configuration, string keyId) =>
        endorsements.TryGetValue(configuration, out var byKey) && byKey.TryGetValue(keyId, out var set)
            ? set
            : new HashSet<string>(StringComparer.Ordinal);

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        OpenIdConnectConfiguration? configuration = null;
        try
        {
            var recorder = new RecordingDocumentRetriever(retriever);
            configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, recorder, cancel).ConfigureAwait(false);
            var jwks = configuration.JwksUri is { } uri && recorder.Documents.TryGetValue(uri, out var document) ? document : null;
            endorsements.AddOrUpdate(configuration, ParseEndorsements(jwks));
            return configuration;
        }
        finally
        {
            TaskCompletionSource<OpenIdConnectConfiguration?> done;
            lock (gate)
            {
                done = next;
                next = NewSignal();
            }
            done.TrySetResult(configuration);
        }
    }

    internal static IReadOnlyDictionary<string, IReadOnlySet<string>> ParseEndorsements(string? jwks)
    {
        if (string.IsNullOrEmpty(jwks))
            return NoEndorsements;
        try
        {
            using var document = JsonDocument.Parse(jwks);
            if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
                return NoEndorsements;
            var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            foreach (var key in keys.EnumerateArray())
            {
                if (key.ValueKind != JsonValueKind.Object
                    || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                    || !key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array)
                    continue;
                var set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } channel)
                        set.Add(channel);
                }
                // A kid listed twice keeps the endorsements of both entries only if they agree; be strict: intersect.
                if (result.TryGetValue(kid.GetString()!, out var earlier))
                    set.IntersectWith(earlier);
                result[kid.GetString()!] = set;
            }
            return result;
        }
        catch (JsonException)
        {
            return NoEndorsements;
        }
    }

    private static TaskCompletionSource<OpenIdConnectConfiguration?> NewSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Passes requests through and keeps each document it returned, by address.</summary>
    private sealed class RecordingDocumentRetriever(IDocumentRetriever inner) : IDocumentRetriever
    {
        public Dictionary<string, string> Documents { get; } = new(StringComparer.Ordinal);

        public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            var document = await inner.GetDocumentAsync(address, cancel).ConfigureAwait(false);
            Documents[address] = document;
            return document;
        }
    }
}
