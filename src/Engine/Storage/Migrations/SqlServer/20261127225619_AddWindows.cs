using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Windows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Location = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SupervisionPhone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConcurrencyStamp = table.Column<int>(type: "int", nullable: false),
                    Departments = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Head = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Windows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WindowId = table.Column<int>(type: "int", nullable: false),
                    WindowNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Department = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OutgoingUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    IncomingUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Early = table.Column<bool>(type: "bit", nullable: false),
                    TermEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffChanges_Instances_Id",
                        column: x => x.Id,
                        principalTable: "Instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffChanges_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WindowAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WindowId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EndedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    StaffChangeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WindowAssignments_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WindowGrants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WindowId = table.Column<int>(type: "int", nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    MayAccept = table.Column<bool>(type: "bit", nullable: false),
                    MayDecideOnTheSpot = table.Column<bool>(type: "bit", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    GrantedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WindowGrants_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffChanges_OnePendingPerIncoming",
                table: "StaffChanges",
                column: "IncomingUserName",
                unique: true,
                filter: "[Status] = 'Pending' AND [IncomingUserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StaffChanges_OnePendingPerOutgoing",
                table: "StaffChanges",
                columns: new[] { "WindowId", "OutgoingUserName" },
                unique: true,
                filter: "[Status] = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_StaffChanges_Status_WindowId",
                table: "StaffChanges",
                columns: new[] { "Status", "WindowId" });

            migrationBuilder.CreateIndex(
                name: "IX_WindowAssignments_OneCurrent",
                table: "WindowAssignments",
                column: "UserId",
                unique: true,
                filter: "[EndedOn] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WindowAssignments_WindowId_EndedOn",
                table: "WindowAssignments",
                columns: new[] { "WindowId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WindowGrants_ItemCode",
                table: "WindowGrants",
                column: "ItemCode");

            migrationBuilder.CreateIndex(
                name: "IX_WindowGrants_WindowId_ItemCode",
                table: "WindowGrants",
                columns: new[] { "WindowId", "ItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Windows_Number",
                table: "Windows",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffChanges");

            migrationBuilder.DropTable(
                name: "WindowAssignments");

            migrationBuilder.DropTable(
                name: "WindowGrants");

            migrationBuilder.DropTable(
                name: "Windows");
        }
    }
}
