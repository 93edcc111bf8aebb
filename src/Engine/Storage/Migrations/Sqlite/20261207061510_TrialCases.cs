using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrialCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Trial",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Trial",
                table: "Cases");
        }
    }
}
