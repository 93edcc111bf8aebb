using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ItemCode",
                table: "Cases",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MajorProject",
                table: "Cases",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Materials",
                table: "Cases",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ItemChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ItemCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ItemName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PowerItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ItemType = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Department = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DepartmentName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    StatutoryLimit = table.Column<int>(type: "int", nullable: false),
                    PromisedLimit = table.Column<int>(type: "int", nullable: false),
                    CaseKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IntermediaryServices = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OnlineAvailable = table.Column<bool>(type: "bit", nullable: false),
                    ConsultationPhone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    SupervisionPhone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DefinitionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ExtensionDays = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConcurrencyStamp = table.Column<int>(type: "int", nullable: false),
                    Fee = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Materials = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ItemCode",
                table: "Cases",
                column: "ItemCode");

            migrationBuilder.CreateIndex(
                name: "IX_ItemChanges_EffectiveDate",
                table: "ItemChanges",
                column: "EffectiveDate");

            migrationBuilder.CreateIndex(
                name: "IX_PowerItems_Code",
                table: "PowerItems",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PowerItems_Department",
                table: "PowerItems",
                column: "Department");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItemChanges");

            migrationBuilder.DropTable(
                name: "PowerItems");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ItemCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ItemCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MajorProject",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Materials",
                table: "Cases");
        }
    }
}
