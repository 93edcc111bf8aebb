using System;
using Approval.Engine.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sign = table.Column<int>(type: "int", nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Department = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AcceptedWindow = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkingDaysTaken = table.Column<int>(type: "int", nullable: true),
                    PromisedDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    StatutoryDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    PromisedLimit = table.Column<int>(type: "int", nullable: false),
                    StatutoryLimit = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayTotalChanges", x => x.Id);
                });

            // The first trigger upserted the totals in every statement that saved a case; this one records the changes for the fold.
            migrationBuilder.Sql(DayTotalsSql.DropSqlServerTrigger());
            migrationBuilder.Sql(DayTotalsSql.AsSqlServerBatch(DayTotalsSql.CreateSqlServerTriggerV2()));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DayTotalsSql.DropSqlServerTrigger());
            migrationBuilder.Sql(DayTotalsSql.AsSqlServerBatch(DayTotalsSqlV1.CreateSqlServerTriggerV1()));

            migrationBuilder.DropTable(
                name: "DayTotalChanges");
        }
    }
}
