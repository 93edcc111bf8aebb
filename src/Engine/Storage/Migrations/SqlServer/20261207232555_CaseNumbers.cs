using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.SqlServer
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
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "QueryCode",
                table: "Cases",
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SequenceCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Last = table.Column<int>(type: "int", nullable: false)
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
                WITH [n] AS (SELECT [Id], ROW_NUMBER() OVER (PARTITION BY [ReceivedOn], [Trial] ORDER BY [ReceivedAt], [Id]) AS [rn] FROM [Cases])
                UPDATE [c] SET [Number] = '452624-' + FORMAT([c].[ReceivedOn], 'yyyyMMdd') + '-' + CASE WHEN [c].[Trial] = 1 THEN 'S' ELSE '' END + FORMAT([n].[rn], '0000')
                FROM [Cases] AS [c] JOIN [n] ON [n].[Id] = [c].[Id];
                UPDATE [Cases] SET [QueryCode] =
                    SUBSTRING('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', CAST(CRYPT_GEN_RANDOM(1) AS int) % 32 + 1, 1) + SUBSTRING('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', CAST(CRYPT_GEN_RANDOM(1) AS int) % 32 + 1, 1)
                    + SUBSTRING('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', CAST(CRYPT_GEN_RANDOM(1) AS int) % 32 + 1, 1) + SUBSTRING('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', CAST(CRYPT_GEN_RANDOM(1) AS int) % 32 + 1, 1)
                    + SUBSTRING('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', CAST(CRYPT_GEN_RANDOM(1) AS int) % 32 + 1, 1) + SUBSTRING('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', CAST(CRYPT_GEN_RANDOM(1) AS int) % 32 + 1, 1);
                INSERT INTO [SequenceCounters] ([Key], [Last])
                    SELECT '452624-' + FORMAT([ReceivedOn], 'yyyyMMdd') + '-' + CASE WHEN [Trial] = 1 THEN 'S' ELSE '' END, COUNT(*)
                    FROM [Cases] GROUP BY [ReceivedOn], [Trial];
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
