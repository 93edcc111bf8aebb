using System;
using Microsoft.EntityFrameworkCore.Migrations;
using DayTotalsSql = Approval.Engine.Statistics.DayTotalsSqlV1;

#nullable disable

namespace Approval.Engine.Storage.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Cases",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Promised");

            migrationBuilder.AddColumn<int>(
                name: "WorkingDaysTaken",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DayTotals",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Window = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedInstant = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedSameDay = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedSameMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Completed = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedInstant = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedEarly = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedStatutoryLate = table.Column<int>(type: "INTEGER", nullable: false),
                    PromisedWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PromisedSpeedUpSum = table.Column<double>(type: "REAL", nullable: false),
                    ProcessingSpeedUpSum = table.Column<double>(type: "REAL", nullable: false),
                    PromisedDue = table.Column<int>(type: "INTEGER", nullable: false),
                    PromisedDueMet = table.Column<int>(type: "INTEGER", nullable: false),
                    StatutoryDue = table.Column<int>(type: "INTEGER", nullable: false),
                    StatutoryDueMet = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayTotals", x => new { x.Day, x.Department, x.ItemCode, x.Window });
                });

            // Instant items have promised limit 0: the cases filed before Kind existed get theirs from it.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"Kind\" = 'Instant' WHERE \"ItemCode\" IS NOT NULL AND \"PromisedLimit\" = 0;");
            foreach (var trigger in DayTotalsSql.CreateSqliteTriggersV1())
            {
                migrationBuilder.Sql(trigger);
            }

            migrationBuilder.Sql(DayTotalsSql.Rebuild(sqlServer: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in DayTotalsSql.DropSqliteTriggersV1())
            {
                migrationBuilder.Sql(trigger);
            }

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
