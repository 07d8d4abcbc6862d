using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    has_data = table.Column<bool>(type: "INTEGER", nullable: false),
                    tech_sme_eligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    tech_sme_score = table.Column<int>(type: "INTEGER", nullable: false),
                    high_tech_hard_conditions_met = table.Column<bool>(type: "INTEGER", nullable: false),
                    high_tech_min_score = table.Column<int>(type: "INTEGER", nullable: false),
                    high_tech_max_score = table.Column<int>(type: "INTEGER", nullable: false),
                    pools = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    gaps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    screened_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
