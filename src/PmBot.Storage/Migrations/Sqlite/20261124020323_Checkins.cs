using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Checkins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WorkingDays",
                table: "Workspaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: 62);

            migrationBuilder.AddColumn<string>(
                name: "ThreadKey",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Absences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Absences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Absences_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Absences_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckinTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BuiltIn = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreatedByMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckinTemplates_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Holidays",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holidays", x => new { x.WorkspaceId, x.Date });
                    table.ForeignKey(
                        name: "FK_Holidays_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckinQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckinQuestions_CheckinTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "CheckinTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckinSchedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    LocalTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WindowMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SummaryConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedByMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinSchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckinSchedules_CheckinTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "CheckinTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckinSchedules_Members_CreatedByMemberId",
                        column: x => x.CreatedByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckinSchedules_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckinSchedules_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckinOccurrences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PromptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WindowEndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerableUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AwayReason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinOccurrences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckinOccurrences_CheckinSchedules_ScheduleId",
                        column: x => x.ScheduleId,
                        principalTable: "CheckinSchedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckinOccurrences_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckinOccurrences_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckinScheduleMembers",
                columns: table => new
                {
                    ScheduleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinScheduleMembers", x => new { x.ScheduleId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_CheckinScheduleMembers_CheckinSchedules_ScheduleId",
                        column: x => x.ScheduleId,
                        principalTable: "CheckinSchedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckinScheduleMembers_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckinSummaryPosts",
                columns: table => new
                {
                    ScheduleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinSummaryPosts", x => new { x.ScheduleId, x.LocalDate });
                    table.ForeignKey(
                        name: "FK_CheckinSummaryPosts_CheckinSchedules_ScheduleId",
                        column: x => x.ScheduleId,
                        principalTable: "CheckinSchedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Blockers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedByMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Blockers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Blockers_CheckinOccurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "CheckinOccurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Blockers_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Blockers_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Blockers_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CheckinAnswers",
                columns: table => new
                {
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinAnswers", x => new { x.OccurrenceId, x.QuestionId });
                    table.ForeignKey(
                        name: "FK_CheckinAnswers_CheckinOccurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "CheckinOccurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckinAnswers_CheckinQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "CheckinQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckinProgressUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ToPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckinProgressUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckinProgressUpdates_CheckinOccurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "CheckinOccurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckinProgressUpdates_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Absences_MemberId_To",
                table: "Absences",
                columns: new[] { "MemberId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Absences_WorkspaceId_To",
                table: "Absences",
                columns: new[] { "WorkspaceId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Blockers_MemberId",
                table: "Blockers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Blockers_OccurrenceId",
                table: "Blockers",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Blockers_ProjectId_Number",
                table: "Blockers",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Blockers_ProjectId_Status",
                table: "Blockers",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Blockers_WorkItemId",
                table: "Blockers",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckinAnswers_QuestionId",
                table: "CheckinAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckinOccurrences_MemberId_AnswerableUntil",
                table: "CheckinOccurrences",
                columns: new[] { "MemberId", "AnswerableUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckinOccurrences_ProjectId_LocalDate",
                table: "CheckinOccurrences",
                columns: new[] { "ProjectId", "LocalDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckinOccurrences_ScheduleId_MemberId_LocalDate",
                table: "CheckinOccurrences",
                columns: new[] { "ScheduleId", "MemberId", "LocalDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckinProgressUpdates_OccurrenceId",
                table: "CheckinProgressUpdates",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckinProgressUpdates_ProjectId_At",
                table: "CheckinProgressUpdates",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckinProgressUpdates_WorkItemId",
                table: "CheckinProgressUpdates",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckinQuestions_TemplateId_Position",
                table: "CheckinQuestions",
                columns: new[] { "TemplateId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckinScheduleMembers_MemberId",
                table: "CheckinScheduleMembers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckinSchedules_CreatedByMemberId",
                table: "CheckinSchedules",
                column: "CreatedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckinSchedules_ProjectId",
                table: "CheckinSchedules",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckinSchedules_TemplateId",
                table: "CheckinSchedules",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckinSchedules_WorkspaceId_Number",
                table: "CheckinSchedules",
                columns: new[] { "WorkspaceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckinTemplates_WorkspaceId_Name",
                table: "CheckinTemplates",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Absences");

            migrationBuilder.DropTable(
                name: "Blockers");

            migrationBuilder.DropTable(
                name: "CheckinAnswers");

            migrationBuilder.DropTable(
                name: "CheckinProgressUpdates");

            migrationBuilder.DropTable(
                name: "CheckinScheduleMembers");

            migrationBuilder.DropTable(
                name: "CheckinSummaryPosts");

            migrationBuilder.DropTable(
                name: "Holidays");

            migrationBuilder.DropTable(
                name: "CheckinQuestions");

            migrationBuilder.DropTable(
                name: "CheckinOccurrences");

            migrationBuilder.DropTable(
                name: "CheckinSchedules");

            migrationBuilder.DropTable(
                name: "CheckinTemplates");

            migrationBuilder.DropColumn(
                name: "WorkingDays",
                table: "Workspaces");

            migrationBuilder.DropColumn(
                name: "ThreadKey",
                table: "OutboxMessages");
        }
    }
}
