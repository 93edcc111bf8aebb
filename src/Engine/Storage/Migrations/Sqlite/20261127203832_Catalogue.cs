using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MajorProject",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Materials",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ItemChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PowerItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemType = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StatutoryLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    PromisedLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IntermediaryServices = table.Column<string>(type: "TEXT", nullable: false),
                    OnlineAvailable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsultationPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SupervisionPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<int>(type: "INTEGER", nullable: false),
                    Fee = table.Column<string>(type: "TEXT", nullable: false),
                    Materials = table.Column<string>(type: "TEXT", nullable: true)
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
