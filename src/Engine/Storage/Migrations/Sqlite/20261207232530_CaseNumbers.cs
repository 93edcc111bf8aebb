using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Cases",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "QueryCode",
                table: "Cases",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SequenceCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SequenceCounters", x => x.Key);
                });

            // Cases filed before numbering take numbers in the order they were received, each day its own
            // sequence (the default county code: a migration reads no configuration), and a query code each;
            // the counters carry on from them.
            migrationBuilder.Sql(
                """
                UPDATE "Cases" SET "Number" = '452624-' || replace("ReceivedOn", '-', '') || '-' || CASE WHEN "Trial" THEN 'S' ELSE '' END
                    || printf('%04d', (SELECT COUNT(*) FROM "Cases" AS "e" WHERE "e"."ReceivedOn" = "Cases"."ReceivedOn" AND "e"."Trial" = "Cases"."Trial"
                        AND ("e"."ReceivedAt" < "Cases"."ReceivedAt" OR ("e"."ReceivedAt" = "Cases"."ReceivedAt" AND "e"."Id" <= "Cases"."Id"))));
                UPDATE "Cases" SET "QueryCode" =
                    substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (random() & 31) + 1, 1) || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (random() & 31) + 1, 1)
                    || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (random() & 31) + 1, 1) || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (random() & 31) + 1, 1)
                    || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (random() & 31) + 1, 1) || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (random() & 31) + 1, 1);
                INSERT INTO "SequenceCounters" ("Key", "Last")
                    SELECT '452624-' || replace("ReceivedOn", '-', '') || '-' || CASE WHEN "Trial" THEN 'S' ELSE '' END, COUNT(*)
                    FROM "Cases" GROUP BY "ReceivedOn", "Trial";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SequenceCounters");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Number",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "QueryCode",
                table: "Cases");
        }
    }
}
