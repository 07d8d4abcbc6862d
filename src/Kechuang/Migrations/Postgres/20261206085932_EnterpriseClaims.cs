using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "enterprises_qualification",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "enterprises_qualification",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.AddColumn<DateTime>(
                name: "decided_at",
                table: "enterprises_award_nomination",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "enterprises_award_nomination",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "enterprises_award_nomination",
                type: "character varying(20)",
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
