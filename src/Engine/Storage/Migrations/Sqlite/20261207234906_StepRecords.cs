using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StepRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                table: "Tasks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionMaterials",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "FeeCharged",
                table: "Cases",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeeReceipt",
                table: "Cases",
                type: "TEXT",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegalBasis",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "CorrectionMaterials",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FeeCharged",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FeeReceipt",
                table: "Cases");
        }
    }
}
