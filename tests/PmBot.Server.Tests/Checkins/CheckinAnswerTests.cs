using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;
using PmBot.Server.Jobs;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;

namespace PmBot.Server.Tests.Checkins;

/// <summary>Prompts in the web chat, answers through the form, reminders that stop once answered, late and edited answers.</summary>
public sealed class CheckinAnswerTests
{
    private static async Task<(PmBotApp App, Guid ScheduleId)> StartAsync(Store store)
    {
        var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");
        foreach (var line in new[] { "project create \"Apollo\"", "project use APOLLO", "member add @bob member", "member add @wei member", "calendar workdays daily" })
            await alice.AskAsync(line);
        // A minute ago in London: with a 24 h window every member's latest prompt is due, and a 90 % reminder still ahead.
        var london = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().AddMinutes(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var reply = await alice.AskAsync($"checkin schedule add standup at {london:HH:mm} days daily window 24h reminder 90%");
        Assert.Contains("Check-in #1 scheduled", reply, StringComparison.Ordinal);
        await using var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        var schedule = await db.CheckinSchedules.SingleAsync();
        await db.CheckinSchedules.Where(s => s.Id == schedule.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, schedule.CreatedAt.AddDays(-3)));
        var planned = await app.Get<CheckinJob>().RunAsync(schedule.Id, CancellationToken.None);
        Assert.Equal(3, planned.Prompts);
        Assert.Equal(3, planned.Reminders);
        return (app, schedule.Id);
    }

    private static async Task<CheckinOccurrence> OccurrenceAsync(PmBotApp app, string user)
    {
        await using var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        var member = await db.Members.SingleAsync(m => m.ExternalUserId == user);
        return await db.CheckinOccurrences.SingleAsync(o => o.MemberId == member.Id);
    }

    private static async Task<OutboxMessage?> OutboxAsync(PmBotApp app, string key)
    {
        await using var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.SingleOrDefaultAsync(o => o.IdempotencyKey == key);
    }

    private static Dictionary<string, string?> Answers(CheckinOccurrence occurrence, string yesterday, string today) => new()
    {
        [$"s1-{occurrence.LocalDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.q1"] = yesterday,
        [$"s1-{occurrence.LocalDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.q2"] = today,
    };

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Answer_BeforeTheReminder_StopsOnlyThatMembersReminder(Store store)
    {
        var (app, _) = await StartAsync(store);
        await using var _ = app;
        using var bob = app.Chat("bob");
        using var wei = app.Chat("wei");
        await bob.WaitForAsync("Daily stand-up · APOLLO");
        await wei.WaitForAsync("每日站会 · APOLLO");
        var bobs = await OccurrenceAsync(app, "bob");

        var form = await bob.ClickAsync($"checkin answer s1-{bobs.LocalDate:yyyyMMdd}");
        Assert.Contains(".q1", form.Replies[0].Plain, StringComparison.Ordinal);
        var answered = await bob.SubmitAsync("checkin answer", Answers(bobs, "Wrote the spec", "Review it"));

        Assert.Contains("Thanks! Your Daily stand-up for APOLLO is recorded.", answered.Replies[0].Plain, StringComparison.Ordinal);
        Assert.Null(await OutboxAsync(app, bobs.ReminderKey));
        var weis = await OccurrenceAsync(app, "wei");
        Assert.Equal(OutboxState.Pending, (await OutboxAsync(app, weis.ReminderKey))!.State);

        // Time passes to the reminders: only wei, who has not answered, gets one.
        await using (var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync())
            await db.OutboxMessages.Where(o => o.IdempotencyKey.EndsWith(":reminder")).ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, TimeProvider.System.GetUtcNow()));
        await wei.WaitForAsync("提醒");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(await bob.ReadAllAsync(), e => (e.Plain ?? "").Contains("Reminder", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Answer_AfterTheWindowAndThenEdited_IsLateEditedAndPostedAgain(Store store)
    {
        var (app, _) = await StartAsync(store);
        await using var _ = app;
        using var bob = app.Chat("bob");
        using var alice = app.Chat("alice");
        var bobs = await OccurrenceAsync(app, "bob");
        await using (var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync())
            await db.CheckinOccurrences.Where(o => o.Id == bobs.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.WindowEndsAt, TimeProvider.System.GetUtcNow().AddMinutes(-1)));

        var late = await bob.SubmitAsync("checkin answer", Answers(bobs, "Wrote the spec", "Review it"));
        var edit = await bob.AskAsync("checkin edit");
        var edited = await bob.SubmitAsync("checkin answer", Answers(bobs, "Wrote the spec and the tests", "Review it"));

        Assert.Contains("(after the window: marked late)", late.Replies[0].Plain, StringComparison.Ordinal);
        Assert.Contains("Wrote the spec", edit, StringComparison.Ordinal);
        Assert.Contains("Your Daily stand-up for APOLLO is updated.", edited.Replies[0].Plain, StringComparison.Ordinal);
        var after = await OccurrenceAsync(app, "bob");
        Assert.True(after.Late);
        Assert.NotNull(after.EditedAt);
        Assert.Equal(2, after.Revision);
        Assert.Equal(OccurrenceState.Answered, after.State);
        // The summary thread is in the conversation the schedule was made in: the first answer, then the edited one.
        await alice.WaitForAsync("(late)");
        await alice.WaitForAsync("(late, edited)");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task FreeTextReply_ToASingleTextQuestionTemplate_IsTheAnswer(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");
        using var bob = app.Chat("bob");
        foreach (var line in new[] { "project create \"Apollo\"", "project use APOLLO", "member add @bob member", "calendar workdays daily",
            "checkin template create mood", "checkin template add-question mood text \"How is it going?\" required yes" })
            await alice.AskAsync(line);
        var london = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().AddMinutes(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        await alice.AskAsync($"checkin schedule add mood at {london:HH:mm} days daily window 24h members @bob");
        Guid id;
        await using (var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync())
        {
            var schedule = await db.CheckinSchedules.SingleAsync();
            id = schedule.Id;
            await db.CheckinSchedules.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, schedule.CreatedAt.AddDays(-3)));
        }
        Assert.Equal(1, (await app.Get<CheckinJob>().RunAsync(id, CancellationToken.None)).Prompts);
        await bob.WaitForAsync("You can simply reply here.");

        var reply = await bob.AskAsync("All good, the spec is nearly done");

        Assert.Contains("Your mood for APOLLO is recorded.", reply, StringComparison.Ordinal);
        await alice.WaitForAsync("All good, the spec is nearly done");
        // Once answered, text that is no command is an unknown command again.
        Assert.Contains("I don't know the command", await bob.AskAsync("Another thought"), StringComparison.Ordinal);
    }
}
