using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelInstallations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelInstallations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalTeamId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BotUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AppId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProtectedBotToken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InstalledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelInstallations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelInstallations_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelInstallations_Channel_ExternalTeamId",
                table: "ChannelInstallations",
                columns: new[] { "Channel", "ExternalTeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelInstallations_WorkspaceId",
                table: "ChannelInstallations",
                column: "WorkspaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelInstallations");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");
        }
    }
}
