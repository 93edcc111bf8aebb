using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.SqlServer
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
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionMaterials",
                table: "Cases",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "FeeCharged",
                table: "Cases",
                type: "decimal(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeeReceipt",
                table: "Cases",
                type: "nvarchar(50)",
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
