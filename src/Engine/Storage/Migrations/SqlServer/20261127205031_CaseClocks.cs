using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AcceptedOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateDue",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClockVersion",
                table: "Cases",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CorrectionNoticeOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeadlinesProvisional",
                table: "Cases",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeemedAccepted",
                table: "Cases",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Extension",
                table: "Cases",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ExtensionDays",
                table: "Cases",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionDecidedBy",
                table: "Cases",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "Cases",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionRequestedBy",
                table: "Cases",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PromisedDeadline",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PromisedLimit",
                table: "Cases",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReceivedOn",
                table: "Cases",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatutoryDeadline",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatutoryLimit",
                table: "Cases",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CasePauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    EndedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasePauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CasePauses_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClockEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    StatutoryDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    PromisedDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClockEvents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DeadlinesProvisional",
                table: "Cases",
                column: "DeadlinesProvisional");

            migrationBuilder.CreateIndex(
                name: "IX_CasePauses_CaseId",
                table: "CasePauses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ClockEvents_CaseId",
                table: "ClockEvents",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CasePauses");

            migrationBuilder.DropTable(
                name: "ClockEvents");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DeadlinesProvisional",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AcceptedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CertificateDue",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ClockVersion",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CorrectionNoticeOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DeadlinesProvisional",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DeemedAccepted",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Extension",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionDays",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionDecidedBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PromisedDeadline",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PromisedLimit",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReceivedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "StatutoryDeadline",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "StatutoryLimit",
                table: "Cases");
        }
    }
}
