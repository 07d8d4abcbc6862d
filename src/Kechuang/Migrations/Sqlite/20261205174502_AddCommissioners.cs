using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    dispatching_unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    industry = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    term_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    term_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    agreement_signed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners_commissioner", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commissioners_need",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    surveyed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    need = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    commissioner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners_need", x => x.id);
                    table.ForeignKey(
                        name: "fk_commissioners_need_commissioners_commissioner_commissioner_id",
                        column: x => x.commissioner_id,
                        principalTable: "commissioners_commissioner",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commissioners_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    commissioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    funding_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    goals = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    results = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_commissioners_project_commissioners_commissioner_commissioner_id",
                        column: x => x.commissioner_id,
                        principalTable: "commissioners_commissioner",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commissioners_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    commissioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    served_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    trainees = table.Column<int>(type: "INTEGER", nullable: true),
                    sign_in_note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    variety_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    crop = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    area_mu = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    campaign = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    served_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    confirmation_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    confirmed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners_service", x => x.id);
                    table.ForeignKey(
                        name: "fk_commissioners_service_commissioners_commissioner_commissioner_id",
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
