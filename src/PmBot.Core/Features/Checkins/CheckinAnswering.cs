using System.Globalization;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Parsing;
using PmBot.Core.Features.Plan;

namespace PmBot.Core.Features.Checkins;

/// <summary>
/// The answer form of a check-in and what an answer does: answers stored (replacing earlier ones when edited), task
/// progress reported on the plan and recorded, the blocker tracked, the reminder (and an early answer's prompt)
/// cancelled, and the answer posted in the day's summary thread.
/// </summary>
public static class CheckinAnswering
{
    /// <summary>The command every answer form submits to.</summary>
    public const string FormCommand = "checkin answer";

    public const int MaxTasks = 10;

    private static readonly HashSet<string> NoBlocker = new(StringComparer.OrdinalIgnoreCase) { "none", "no", "nope", "n/a", "-", "nothing", "无", "没有", "暂无" };

    /// <summary>The answer form, pre-filled with earlier answers and the tasks' current progress.</summary>
    public static async Task<BotReply> FormAsync(CommandContext context, CheckinTarget target, CancellationToken cancellationToken)
    {
        var t = context.T;
        var prefix = target.Key + ".";
        var answers = (await context.Store.ListCheckinAnswersAsync([target.Occurrence.Id], cancellationToken)).ToDictionary(a => a.QuestionId);
        var blocker = await context.Store.FindBlockerOfOccurrenceAsync(target.Occurrence.Id, cancellationToken)
            ?? await CarriedBlockerAsync(context, target, cancellationToken);
        var wbs = new Wbs(target.Project, await context.Store.ListWorkItemsAsync(target.Project.Id, cancellationToken));
        var tasks = OpenTasks(wbs, context.Member.Id);
        var inputs = new List<FormInput>();
        foreach (var q in target.Template.Questions)
        {
            var label = Templates.QuestionText(t, q);
            var name = prefix + "q" + q.Position.ToString(CultureInfo.InvariantCulture);
            var given = answers.TryGetValue(q.Id, out var a) ? a : null;
            switch (q.Kind)
            {
                case QuestionKind.Text:
                    inputs.Add(new FormInput(name, label, InputKind.Multiline, q.Required, InitialValue: given?.Text));
                    break;
                case QuestionKind.YesNo:
                    inputs.Add(new FormInput(name, label, InputKind.Select, q.Required, InitialValue: given?.Number switch { 1 => "yes", 0 => "no", _ => null },
                        Choices: [new(t["checkin.yes"], "yes"), new(t["checkin.no"], "no")]));
                    break;
                case QuestionKind.Scale:
                    inputs.Add(new FormInput(name, label, InputKind.Select, q.Required, InitialValue: given?.Number?.ToString(CultureInfo.InvariantCulture),
                        Choices: [.. Enumerable.Range(1, 5).Select(i => new Choice(t["checkin.scale." + i.ToString(CultureInfo.InvariantCulture)], i.ToString(CultureInfo.InvariantCulture)))]));
                    break;
                case QuestionKind.Choice:
                    inputs.Add(new FormInput(name, label, InputKind.Select, q.Required, InitialValue: given?.Text, Choices: [.. q.ChoiceList.Select(c => new Choice(c, c))]));
                    break;
                case QuestionKind.TaskProgress:
                    foreach (var item in tasks)
                    {
                        var number = item.Number.ToString(CultureInfo.InvariantCulture);
                        inputs.Add(new FormInput(prefix + "t" + number,
                            t["checkin.task_label", wbs.ShortId(item), item.Name], InputKind.Number, false, "0-100",
                            item.PercentComplete.ToString(CultureInfo.InvariantCulture)));
                        inputs.Add(new FormInput(prefix + "r" + number,
                            t["checkin.remaining_label", wbs.ShortId(item)], InputKind.Text, false, t["checkin.remaining_placeholder"],
                            item.RemainingHours is { } left ? HoursText.Format(left) : null));
                    }
                    break;
                case QuestionKind.Blocker:
                    var open = blocker is { Status: BlockerStatus.Open } ? blocker : null;
                    inputs.Add(new FormInput(name, label, InputKind.Multiline, false, t["checkin.blocker_placeholder"], open?.Text));
                    if (tasks.Count > 0)
                        inputs.Add(new FormInput(name + ".task", t["checkin.blocker_task"], InputKind.Select, false,
                            InitialValue: open?.WorkItemId is { } id && wbs.Items.FirstOrDefault(i => i.Id == id) is { } linked ? linked.Number.ToString(CultureInfo.InvariantCulture) : null,
                            Choices: [.. tasks.Select(i => new Choice($"{wbs.ShortId(i)} {i.Name}", i.Number.ToString(CultureInfo.InvariantCulture)))]));
                    break;
            }
        }
        var title = t["checkin.form.title", Templates.Title(t, target.Template.Template), target.Project.Key];
        var builder = new MessageBuilder().Add(new FormBlock(title, FormCommand, t["button.submit"], inputs)).Fallback(title);
        if (target.Occurrence.AnsweredAt is not null)
            builder.Context(t["checkin.form.editing"]);
        return BotReply.Of(builder.Build());
    }

    /// <summary>Records a submitted form (input names without the occurrence prefix); per-input errors keep the form open.</summary>
    public static async Task<BotReply> RecordAsync(CommandContext context, CheckinTarget target, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var t = context.T;
        var store = context.Store;
        var now = context.Now;
        var prefix = target.Key + ".";
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var wbs = new Wbs(target.Project, await store.ListWorkItemsAsync(target.Project.Id, cancellationToken));
        var existing = (await store.ListCheckinAnswersAsync([target.Occurrence.Id], cancellationToken)).ToDictionary(a => a.QuestionId);
        var parsed = new List<(CheckinQuestion Question, string Text, int? Number)>();
        var progress = new List<TaskReport>();
        (string Text, WorkItem? Item)? blocker = null;
        string Value(string name) => values.TryGetValue(name, out var v) ? v.Trim() : "";

        foreach (var q in target.Template.Questions)
        {
            var name = "q" + q.Position.ToString(CultureInfo.InvariantCulture);
            var raw = Value(name);
            if (q.Kind is not (QuestionKind.TaskProgress or QuestionKind.Blocker) && raw.Length == 0)
            {
                if (q.Required)
                    errors[prefix + name] = t["checkin.answer_required"];
                continue;
            }
            switch (q.Kind)
            {
                case QuestionKind.Text when raw.Length > CheckinAnswer.MaxTextLength:
                    errors[prefix + name] = t["parse.too_long", Templates.QuestionText(t, q), CheckinAnswer.MaxTextLength];
                    break;
                case QuestionKind.Text:
                    parsed.Add((q, raw, null));
                    break;
                case QuestionKind.YesNo:
                    var yes = raw.ToLowerInvariant() is "yes" or "y" or "是" or "true" or "1";
                    var no = raw.ToLowerInvariant() is "no" or "n" or "否" or "false" or "0";
                    if (yes || no)
                        parsed.Add((q, yes ? "yes" : "no", yes ? 1 : 0));
                    else
                        errors[prefix + name] = t["checkin.bad_yesno", raw];
                    break;
                case QuestionKind.Scale:
                    if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
                        parsed.Add((q, raw, score));
                    else
                        errors[prefix + name] = t["checkin.bad_scale", raw];
                    break;
                case QuestionKind.Choice:
                    var choice = q.ChoiceList.FirstOrDefault(c => string.Equals(c, raw, StringComparison.OrdinalIgnoreCase));
                    if (choice is null)
                        errors[prefix + name] = t["parse.bad_choice", raw, string.Join(", ", q.ChoiceList)];
                    else
                        parsed.Add((q, choice, null));
                    break;
                case QuestionKind.TaskProgress:
                    foreach (var item in OpenTasks(wbs, context.Member.Id))
                    {
                        var number = item.Number.ToString(CultureInfo.InvariantCulture);
                        var percentText = Value("t" + number);
                        var percentRaw = percentText.TrimEnd('%');
                        var remainingRaw = Value("r" + number);
                        var percent = item.PercentComplete;
                        var remaining = item.RemainingHours;
                        if (percentRaw.Length > 0 && (!int.TryParse(percentRaw, NumberStyles.None, CultureInfo.InvariantCulture, out percent) || percent > 100))
                            errors[prefix + "t" + number] = t["parse.bad_percent", percentText];
                        if (remainingRaw.Length > 0)
                        {
                            if (HoursText.TryParse(remainingRaw, out var hours) == QuantityError.None)
                                remaining = hours;
                            else
                                errors[prefix + "r" + number] = t["parse.bad_hours", remainingRaw];
                        }
                        if (percent != item.PercentComplete || remaining != item.RemainingHours)
                            progress.Add(new TaskReport(item, item.PercentComplete, percent, item.RemainingHours, remaining));
                    }
                    parsed.Add((q, string.Join(", ", progress.Select(p => p.Describe(t, wbs))), null));
                    break;
                case QuestionKind.Blocker:
                    var taskRaw = Value(name + ".task");
                    WorkItem? linked = null;
                    if (taskRaw.Length > 0 && (!ItemRef.TryParse(taskRaw, out var reference) || (linked = wbs.Find(reference)) is null))
                        errors[prefix + name + ".task"] = t["task.not_found", taskRaw, target.Project.Key];
                    else if (raw.Length > Blocker.MaxTextLength)
                        errors[prefix + name] = t["parse.too_long", Templates.QuestionText(t, q), Blocker.MaxTextLength];
                    else if (raw.Length > 0 && !NoBlocker.Contains(raw))
                        blocker = (raw, linked);
                    parsed.Add((q, blocker is { } b ? (b.Item is null ? b.Text : $"{b.Text} ({wbs.ShortId(b.Item)})") : "", null));
                    break;
            }
        }
        if (errors.Count > 0)
        {
            // An early answer that is refused must not leave an occurrence behind: the job would then never prompt for it.
            if (target.Staged)
                store.Remove(target.Occurrence);
            return (await FormAsync(context, target, cancellationToken)) with { FormErrors = errors };
        }

        var occurrence = target.Occurrence;
        var first = occurrence.AnsweredAt is null;
        foreach (var (question, text, number) in parsed)
        {
            if (existing.TryGetValue(question.Id, out var answer))
            {
                answer.Text = text;
                answer.Number = number;
                answer.AnsweredAt = now;
            }
            else
            {
                store.Add(new CheckinAnswer { OccurrenceId = occurrence.Id, QuestionId = question.Id, Text = text, Number = number, AnsweredAt = now });
            }
        }
        foreach (var report in progress)
        {
            var item = report.Item;
            if (report.Percent != item.PercentComplete)
            {
                store.Add(new CheckinProgressUpdate
                {
                    OccurrenceId = occurrence.Id, ProjectId = target.Project.Id, WorkItemId = item.Id, MemberId = context.Member.Id,
                    FromPercent = item.PercentComplete, ToPercent = report.Percent, At = now,
                });
                item.ReportProgress(report.Percent, context.Today);
            }
            item.RemainingHours = report.RemainingHours;
            // Into the dated history too, so burn-down and earned value at later dates see the answer.
            ProgressLog.Record(store, item, await store.FindLatestProgressSnapshotAsync(item.Id, cancellationToken), context.Today, now);
        }
        // A template without a blocker question leaves blockers alone (no answer is not "nothing blocks me").
        var blockerNote = target.Template.Questions.Any(q => q.Kind == QuestionKind.Blocker)
            ? await TrackBlockerAsync(context, target, blocker, cancellationToken)
            : null;
        occurrence.MarkAnswered(now);
        foreach (var row in await store.ListCancellableOutboxAsync([occurrence.PromptKey, occurrence.ReminderKey], now, cancellationToken))
            store.Remove(row);
        await PostSummaryAsync(context, target, parsed, cancellationToken);

        var title = Templates.Title(t, target.Template.Template);
        var builder = new MessageBuilder().Text("✅ " + t[first ? "checkin.recorded" : "checkin.updated", title, target.Project.Key]
            + (occurrence.Late && first ? " " + t["checkin.recorded_late"] : ""));
        if (progress.Count > 0)
            builder.Text(t["checkin.progress_updated", string.Join(", ", progress.Select(p => p.Short(t, wbs)))]);
        if (blockerNote is not null)
            builder.Text(blockerNote);
        builder.Context(t["checkin.edit_hint"]);
        return BotReply.Of(builder.Build());
    }

    /// <summary>What an answer reports for one task: its new percent complete and hours left (null: not estimated).</summary>
    private sealed record TaskReport(WorkItem Item, int FromPercent, int Percent, decimal? FromRemaining, decimal? RemainingHours)
    {
        /// <summary>"APOLLO-3 40% → 60%, 6h left" for the stored answer and the summary thread.</summary>
        public string Describe(Localizer t, Wbs wbs) => $"{wbs.ShortId(Item)} {FromPercent}% → {Percent}%" + Left(t);

        /// <summary>"APOLLO-3 60%, 6h left" for the reply.</summary>
        public string Short(Localizer t, Wbs wbs) => $"{wbs.ShortId(Item)} {Percent}%" + Left(t);

        private string Left(Localizer t) =>
            RemainingHours is { } hours && hours != FromRemaining ? t["checkin.remaining_left", HoursText.Format(hours)] : "";
    }

    /// <summary>The member's open tasks (leaves they own, not done) in the project, at most <see cref="MaxTasks"/>.</summary>
    public static IReadOnlyList<WorkItem> OpenTasks(Wbs wbs, Guid memberId) =>
        [.. wbs.Items.Where(i => i.OwnerMemberId == memberId && i.Status != WorkItemStatus.Done && !wbs.HasChildren(i)).OrderBy(i => i.Number).Take(MaxTasks)];

    /// <summary>
    /// The member's open blocker the form offers again (the latest changed), when this check-in has none of its own: a
    /// blocker is carried from day to day until resolved, and the answer says whether it still holds, changed or is gone.
    /// </summary>
    private static async Task<Blocker?> CarriedBlockerAsync(CommandContext context, CheckinTarget target, CancellationToken cancellationToken) =>
        Carried(await MemberBlockersAsync(context, target, cancellationToken));

    private static Blocker? Carried(IEnumerable<Blocker> memberBlockers) =>
        memberBlockers.Where(b => b.Status == BlockerStatus.Open).OrderByDescending(b => b.ChangedAt).FirstOrDefault();

    private static async Task<List<Blocker>> MemberBlockersAsync(CommandContext context, CheckinTarget target, CancellationToken cancellationToken) =>
        (await context.Store.ListBlockersAsync(target.Project.Id, false, cancellationToken)).Where(b => b.MemberId == context.Member.Id).ToList();

    /// <summary>
    /// What the answer's blocker question does: the same text again keeps that blocker open (unchanged); other text
    /// changes this check-in's blocker, or the carried one the form offered, or opens a new one; an empty answer (or
    /// "none") resolves this check-in's blocker or the carried one. Returns a line for the reply, if any.
    /// </summary>
    private static async Task<string?> TrackBlockerAsync(CommandContext context, CheckinTarget target, (string Text, WorkItem? Item)? given, CancellationToken cancellationToken)
    {
        var t = context.T;
        var store = context.Store;
        var now = context.Now;
        var mine = await store.FindBlockerOfOccurrenceAsync(target.Occurrence.Id, cancellationToken);
        // Without one of this check-in's own, the member's blockers: the carried one, or one reported again by its text.
        var theirs = mine is null ? await MemberBlockersAsync(context, target, cancellationToken) : [];
        var carried = Carried(theirs);
        if (given is not { } b)
        {
            var gone = mine ?? carried;
            if (gone is not { Status: BlockerStatus.Open })
                return null;
            gone.Resolve(context.Member.Id, now);
            return t["blocker.resolved", gone.Number, gone.Text];
        }
        // The same blocker reported again (by text) is the one already followed, not a new one.
        mine ??= theirs.FirstOrDefault(x => string.Equals(x.Text, b.Text, StringComparison.OrdinalIgnoreCase)) ?? carried;
        if (mine is not null)
        {
            var changed = mine.Update(b.Text, b.Item?.Id ?? mine.WorkItemId, now);
            if (mine.Status == BlockerStatus.Resolved)
            {
                mine.Status = BlockerStatus.Open;
                mine.ResolvedAt = null;
                mine.ChangedAt = now;
                changed = true;
            }
            mine.OccurrenceId = target.Occurrence.Id;
            return changed ? t["blocker.updated", mine.Number, mine.Text] : t["blocker.still_open", mine.Number, mine.Text];
        }
        var created = await Blockers.OpenAsync(context, target.Project, b.Text, b.Item, cancellationToken);
        created.OccurrenceId = target.Occurrence.Id;
        return t["blocker.opened", created.Number, created.Text];
    }

    /// <summary>Posts the answer in the day's summary thread (thread mode), in the schedule creator's language.</summary>
    private static async Task PostSummaryAsync(CommandContext context, CheckinTarget target, List<(CheckinQuestion Question, string Text, int? Number)> parsed, CancellationToken cancellationToken)
    {
        var schedule = target.Schedule;
        if (schedule.Summary != SummaryMode.Thread)
            return;
        var store = context.Store;
        await CheckinPlanning.EnsureSummaryPostAsync(store, context.Workspace, schedule, target.Template.Template, target.Project, target.Occurrence.LocalDate, context.Now, cancellationToken);
        var reader = Localizer.For((await store.GetMemberAsync(schedule.CreatedByMemberId, cancellationToken))?.Locale ?? context.Workspace.DefaultLocale);
        var answers = parsed.ToDictionary(p => p.Question.Id, p => new CheckinAnswer
        {
            OccurrenceId = target.Occurrence.Id, QuestionId = p.Question.Id, Text = Display(reader, p.Question, p.Text, p.Number), Number = p.Number, AnsweredAt = context.Now,
        });
        store.Enqueue(new OutboxMessage
        {
            Channel = context.Workspace.Channel,
            WorkspaceId = context.Workspace.Id,
            ConversationId = schedule.SummaryConversationId,
            IdempotencyKey = target.Occurrence.SummaryKey,
            ThreadKey = new CheckinSummaryPost { ScheduleId = schedule.Id, LocalDate = target.Occurrence.LocalDate }.PostKey,
            Payload = CheckinMessages.Answers(reader, context.Member, target.Template.Questions, answers, target.Occurrence).ToJson(),
            CreatedAt = context.Now,
            NextAttemptAt = context.Now,
        });
    }

    /// <summary>An answer as a reader sees it: yes/no and scale in their words, others as given.</summary>
    public static string Display(Localizer t, CheckinQuestion question, string text, int? number) => question.Kind switch
    {
        QuestionKind.YesNo when number is { } n => t[n == 1 ? "checkin.yes" : "checkin.no"],
        QuestionKind.Scale when number is { } n => t["checkin.scale." + n.ToString(CultureInfo.InvariantCulture)],
        _ => text,
    };
}
