using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddTalent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "talent_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    recommended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talent_application", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "talent_introduction",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    degree = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    introduced_on = table.Column<DateOnly>(type: "date", nullable: false),
                    discipline = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talent_introduction", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "talent_phd",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    discipline = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    tech_fields = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talent_phd", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "talent_phd_demand",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    discipline = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talent_phd_demand", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "talent_phd_recommendation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    phd_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_id = table.Column<Guid>(type: "uuid", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talent_phd_recommendation", x => x.id);
                    table.ForeignKey(
                        name: "fk_talent_phd_recommendation_talent_phd_demand_demand_id",
                        column: x => x.demand_id,
                        principalTable: "talent_phd_demand",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_talent_phd_recommendation_talent_phd_phd_id",
                        column: x => x.phd_id,
                        principalTable: "talent_phd",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_talent_application_person_id_programme_year",
                table: "talent_application",
                columns: new[] { "person_id", "programme", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_talent_application_region_code",
                table: "talent_application",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_talent_application_year",
                table: "talent_application",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_talent_introduction_person_id_employer_id",
                table: "talent_introduction",
                columns: new[] { "person_id", "employer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_talent_introduction_region_code",
                table: "talent_introduction",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_talent_phd_person_id",
                table: "talent_phd",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_talent_phd_region_code",
                table: "talent_phd",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_talent_phd_demand_enterprise_id",
                table: "talent_phd_demand",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_talent_phd_demand_region_code",
                table: "talent_phd_demand",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_talent_phd_recommendation_demand_id",
                table: "talent_phd_recommendation",
                column: "demand_id");

            migrationBuilder.CreateIndex(
                name: "ix_talent_phd_recommendation_phd_id_enterprise_id_year",
                table: "talent_phd_recommendation",
                columns: new[] { "phd_id", "enterprise_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_talent_phd_recommendation_region_code",
                table: "talent_phd_recommendation",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "talent_application");

            migrationBuilder.DropTable(
                name: "talent_introduction");

            migrationBuilder.DropTable(
                name: "talent_phd_recommendation");

            migrationBuilder.DropTable(
                name: "talent_phd_demand");

            migrationBuilder.DropTable(
                name: "talent_phd");
        }
    }
}
