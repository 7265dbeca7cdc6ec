using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkItemProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ActualFinish",
                table: "WorkItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ActualStart",
                table: "WorkItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PercentComplete",
                table: "WorkItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActualFinish",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "ActualStart",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "PercentComplete",
                table: "WorkItems");
        }
    }
}
