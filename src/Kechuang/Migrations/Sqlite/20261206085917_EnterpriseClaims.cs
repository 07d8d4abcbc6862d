using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnterpriseClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every record so far was entered by the bureau: it stays a fact (Confirmed).
            migrationBuilder.AddColumn<DateTime>(
                name: "decided_at",
                table: "enterprises_qualification",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "enterprises_qualification",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "enterprises_qualification",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.AddColumn<DateTime>(
                name: "decided_at",
                table: "enterprises_award_nomination",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "enterprises_award_nomination",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "enterprises_award_nomination",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_qualification_status_region_code",
                table: "enterprises_qualification",
                columns: new[] { "status", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_award_nomination_status_region_code",
                table: "enterprises_award_nomination",
                columns: new[] { "status", "region_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprises_qualification_status_region_code",
                table: "enterprises_qualification");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_award_nomination_status_region_code",
                table: "enterprises_award_nomination");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "enterprises_qualification");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "enterprises_qualification");

            migrationBuilder.DropColumn(
                name: "status",
                table: "enterprises_qualification");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "enterprises_award_nomination");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "enterprises_award_nomination");

            migrationBuilder.DropColumn(
                name: "status",
                table: "enterprises_award_nomination");
        }
    }
}
