using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace PmBot.Server.Jobs;

/// <summary>
/// <c>/hangfire</c> opens to loopback callers. With <c>PmBot:Hangfire:DashboardToken</c> set, a remote caller
/// presenting it (<c>Authorization: Bearer …</c>, or <c>?token=…</c> once, which sets an HttpOnly cookie) gets in too.
/// </summary>
public sealed class DashboardAccessFilter(string? token) : IDashboardAuthorizationFilter
{
    public const string CookieName = "pmbot_dashboard";

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
            return true;
        if (string.IsNullOrEmpty(token))
            return false;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header[7..]))
            return true;
        if (http.Request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie))
            return true;
        if (http.Request.Query.TryGetValue("token", out var query) && Matches(query.ToString()))
        {
            http.Response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/hangfire" });
            return true;
        }
        return false;
    }

    private bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(token!)));
}
