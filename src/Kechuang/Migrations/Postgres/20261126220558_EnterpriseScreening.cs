using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnterpriseScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprises_screening_result",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    has_data = table.Column<bool>(type: "boolean", nullable: false),
                    tech_sme_eligible = table.Column<bool>(type: "boolean", nullable: false),
                    tech_sme_score = table.Column<int>(type: "integer", nullable: false),
                    high_tech_hard_conditions_met = table.Column<bool>(type: "boolean", nullable: false),
                    high_tech_min_score = table.Column<int>(type: "integer", nullable: false),
                    high_tech_max_score = table.Column<int>(type: "integer", nullable: false),
                    pools = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gaps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    screened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises_screening_result", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_screening_result_organization_id_year",
                table: "enterprises_screening_result",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_screening_result_region_code_year",
                table: "enterprises_screening_result",
                columns: new[] { "region_code", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprises_screening_result");
        }
    }
}
