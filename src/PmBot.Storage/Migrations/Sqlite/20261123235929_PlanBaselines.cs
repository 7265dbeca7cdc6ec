using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanBaselines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanBaselines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanBaselines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanBaselines_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanBaselineItems",
                columns: table => new
                {
                    BaselineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Finish = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DurationDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanBaselineItems", x => new { x.BaselineId, x.WorkItemId });
                    table.ForeignKey(
                        name: "FK_PlanBaselineItems_PlanBaselines_BaselineId",
                        column: x => x.BaselineId,
                        principalTable: "PlanBaselines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanBaselineItems_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanBaselineItems_WorkItemId",
                table: "PlanBaselineItems",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanBaselines_ProjectId_Number",
                table: "PlanBaselines",
                columns: new[] { "ProjectId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanBaselineItems");

            migrationBuilder.DropTable(
                name: "PlanBaselines");
        }
    }
}
