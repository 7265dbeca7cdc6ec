using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Resources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ConstraintDate",
                table: "WorkItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConstraintKind",
                table: "WorkItems",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsMilestone",
                table: "WorkItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TargetDate",
                table: "WorkItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CapacityHoursPerWeek",
                table: "Members",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 40m);

            migrationBuilder.CreateTable(
                name: "ProjectResources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    UnitCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    NeededBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpectedDelivery = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectResources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectResources_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectResources_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "WorkItemAllocations",
                columns: table => new
                {
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItemAllocations", x => new { x.WorkItemId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_WorkItemAllocations_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkItemAllocations_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectResources_ProjectId_Number",
                table: "ProjectResources",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectResources_WorkItemId",
                table: "ProjectResources",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemAllocations_MemberId",
                table: "WorkItemAllocations",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemAllocations_ProjectId",
                table: "WorkItemAllocations",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectResources");

            migrationBuilder.DropTable(
                name: "WorkItemAllocations");

            migrationBuilder.DropColumn(
                name: "ConstraintDate",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "ConstraintKind",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "IsMilestone",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "TargetDate",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "CapacityHoursPerWeek",
                table: "Members");
        }
    }
}
