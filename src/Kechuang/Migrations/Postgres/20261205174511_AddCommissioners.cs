using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCommissioners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commissioners_commissioner",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dispatching_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    industry = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: false),
                    agreement_signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners_commissioner", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commissioners_need",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    surveyed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    industry = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    need = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners_need", x => x.id);
                    table.ForeignKey(
                        name: "fk_commissioners_need_commissioners_commissioner_commissioner_",
                        column: x => x.commissioner_id,
                        principalTable: "commissioners_commissioner",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commissioners_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    funding_fen = table.Column<long>(type: "bigint", nullable: true),
                    goals = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    results = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_commissioners_project_commissioners_commissioner_commission",
                        column: x => x.commissioner_id,
                        principalTable: "commissioners_commissioner",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commissioners_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    served_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    trainees = table.Column<int>(type: "integer", nullable: true),
                    sign_in_note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    variety_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    crop = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    area_mu = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    campaign = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    served_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    confirmation_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    confirmed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    confirmed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners_service", x => x.id);
                    table.ForeignKey(
                        name: "fk_commissioners_service_commissioners_commissioner_commission",
                        column: x => x.commissioner_id,
                        principalTable: "commissioners_commissioner",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_commissioner_person_id",
                table: "commissioners_commissioner",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_commissioner_region_code",
                table: "commissioners_commissioner",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_need_commissioner_id",
                table: "commissioners_need",
                column: "commissioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_need_region_code",
                table: "commissioners_need",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_need_surveyed_on",
                table: "commissioners_need",
                column: "surveyed_on");

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_project_commissioner_id",
                table: "commissioners_project",
                column: "commissioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_project_region_code",
                table: "commissioners_project",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_project_year_title",
                table: "commissioners_project",
                columns: new[] { "year", "title" });

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_service_commissioner_id_served_on",
                table: "commissioners_service",
                columns: new[] { "commissioner_id", "served_on" });

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_service_confirmation_code",
                table: "commissioners_service",
                column: "confirmation_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_service_region_code",
                table: "commissioners_service",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commissioners_need");

            migrationBuilder.DropTable(
                name: "commissioners_project");

            migrationBuilder.DropTable(
                name: "commissioners_service");

            migrationBuilder.DropTable(
                name: "commissioners_commissioner");
        }
    }
}
