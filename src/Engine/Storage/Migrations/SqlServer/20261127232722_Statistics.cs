using System;
using Microsoft.EntityFrameworkCore.Migrations;
using DayTotalsSql = Approval.Engine.Statistics.DayTotalsSqlV1;

#nullable disable

namespace Approval.Engine.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcceptedWindow",
                table: "Cases",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Cases",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Promised");

            migrationBuilder.AddColumn<int>(
                name: "WorkingDaysTaken",
                table: "Cases",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DayTotals",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Department = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Window = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Accepted = table.Column<int>(type: "int", nullable: false),
                    AcceptedInstant = table.Column<int>(type: "int", nullable: false),
                    CompletedSameDay = table.Column<int>(type: "int", nullable: false),
                    CompletedSameMonth = table.Column<int>(type: "int", nullable: false),
                    Completed = table.Column<int>(type: "int", nullable: false),
                    CompletedInstant = table.Column<int>(type: "int", nullable: false),
                    CompletedOnTime = table.Column<int>(type: "int", nullable: false),
                    CompletedEarly = table.Column<int>(type: "int", nullable: false),
                    CompletedStatutoryLate = table.Column<int>(type: "int", nullable: false),
                    PromisedWorkingDays = table.Column<int>(type: "int", nullable: false),
                    PromisedSpeedUpSum = table.Column<double>(type: "float", nullable: false),
                    ProcessingSpeedUpSum = table.Column<double>(type: "float", nullable: false),
                    PromisedDue = table.Column<int>(type: "int", nullable: false),
                    PromisedDueMet = table.Column<int>(type: "int", nullable: false),
                    StatutoryDue = table.Column<int>(type: "int", nullable: false),
                    StatutoryDueMet = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayTotals", x => new { x.Day, x.Department, x.ItemCode, x.Window });
                });

            // Instant items have promised limit 0: the cases filed before Kind existed get theirs from it.
            migrationBuilder.Sql(DayTotalsSql.AsSqlServerBatch(
                "UPDATE [Cases] SET [Kind] = N'Instant' WHERE [ItemCode] IS NOT NULL AND [PromisedLimit] = 0;"));
            migrationBuilder.Sql(DayTotalsSql.AsSqlServerBatch(DayTotalsSql.CreateSqlServerTriggerV1()));
            migrationBuilder.Sql(DayTotalsSql.AsSqlServerBatch(DayTotalsSql.Rebuild(sqlServer: true)));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DayTotalsSql.DropSqlServerTriggerV1());

            migrationBuilder.DropTable(
                name: "DayTotals");

            migrationBuilder.DropColumn(
                name: "AcceptedWindow",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WorkingDaysTaken",
                table: "Cases");
        }
    }
}
