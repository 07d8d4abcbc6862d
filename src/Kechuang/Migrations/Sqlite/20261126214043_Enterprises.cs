using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Enterprises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprises_award_nomination",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    award = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    project = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises_award_nomination", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises_industrialization_filing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    project_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    patent_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    patent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    expected_sales_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises_industrialization_filing", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises_intellectual_property",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    granted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    self_developed = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises_intellectual_property", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises_profile",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    industry_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    tax_collection = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    registration_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    resident_enterprise = table.Column<bool>(type: "INTEGER", nullable: false),
                    restricted_or_eliminated = table.Column<bool>(type: "INTEGER", nullable: false),
                    in_supported_field = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises_profile", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises_qualification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises_qualification", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises_rd_institution",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises_rd_institution", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "enterprises_year_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    sales_revenue_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    total_income_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    non_taxable_income_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    high_tech_revenue_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    total_assets_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    liabilities_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    rd_in_house_domestic_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    rd_commissioned_domestic_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    rd_commissioned_overseas_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    total_costs_and_expenses_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    employees = table.Column<int>(type: "INTEGER", nullable: false),
                    tech_staff = table.Column<int>(type: "INTEGER", nullable: false),
                    transformations = table.Column<int>(type: "INTEGER", nullable: false),
                    serious_incidents = table.Column<bool>(type: "INTEGER", nullable: false),
                    on_credit_blacklist = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises_year_record", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_award_nomination_organization_id",
                table: "enterprises_award_nomination",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_award_nomination_region_code",
                table: "enterprises_award_nomination",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_industrialization_filing_organization_id",
                table: "enterprises_industrialization_filing",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_industrialization_filing_region_code_filed_on",
                table: "enterprises_industrialization_filing",
                columns: new[] { "region_code", "filed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_intellectual_property_kind_number",
                table: "enterprises_intellectual_property",
                columns: new[] { "kind", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_intellectual_property_organization_id",
                table: "enterprises_intellectual_property",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_intellectual_property_region_code",
                table: "enterprises_intellectual_property",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_profile_organization_id",
                table: "enterprises_profile",
                column: "organization_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_profile_region_code",
                table: "enterprises_profile",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_qualification_kind_number",
                table: "enterprises_qualification",
                columns: new[] { "kind", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_qualification_organization_id",
                table: "enterprises_qualification",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_qualification_region_code",
                table: "enterprises_qualification",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_rd_institution_organization_id",
                table: "enterprises_rd_institution",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_rd_institution_region_code",
                table: "enterprises_rd_institution",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_screening_result_organization_id_year",
                table: "enterprises_screening_result",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_screening_result_region_code_year",
                table: "enterprises_screening_result",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_year_record_organization_id_year",
                table: "enterprises_year_record",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_year_record_region_code_year",
                table: "enterprises_year_record",
                columns: new[] { "region_code", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprises_award_nomination");

            migrationBuilder.DropTable(
                name: "enterprises_industrialization_filing");

            migrationBuilder.DropTable(
                name: "enterprises_intellectual_property");

            migrationBuilder.DropTable(
                name: "enterprises_profile");

            migrationBuilder.DropTable(
                name: "enterprises_qualification");

            migrationBuilder.DropTable(
                name: "enterprises_rd_institution");

            migrationBuilder.DropTable(
                name: "enterprises_screening_result");

            migrationBuilder.DropTable(
                name: "enterprises_year_record");
        }
    }
}
