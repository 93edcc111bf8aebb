using System;
using Approval.Engine.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsChangeQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DayTotalChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sign = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcceptedWindow = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkingDaysTaken = table.Column<int>(type: "INTEGER", nullable: true),
                    PromisedDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StatutoryDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PromisedLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    StatutoryLimit = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayTotalChanges", x => x.Id);
                });

            // The first triggers upserted the totals in every statement that saved a case; these record the changes for the fold.
            foreach (var trigger in DayTotalsSql.DropSqliteTriggers().Concat(DayTotalsSql.CreateSqliteTriggersV2()))
            {
                migrationBuilder.Sql(trigger);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in DayTotalsSql.DropSqliteTriggers().Concat(DayTotalsSqlV1.CreateSqliteTriggersV1()))
            {
                migrationBuilder.Sql(trigger);
            }

            migrationBuilder.DropTable(
                name: "DayTotalChanges");
        }
    }
}
