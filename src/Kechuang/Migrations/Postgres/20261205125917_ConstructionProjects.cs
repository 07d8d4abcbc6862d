using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConstructionProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "carriers_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    parcel_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_project_carriers_carrier_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers_carrier",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_carriers_project_carriers_parcel_parcel_id",
                        column: x => x.parcel_id,
                        principalTable: "carriers_parcel",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "carriers_progress_report",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    percent = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_progress_report", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_progress_report_carriers_project_project_id",
                        column: x => x.project_id,
                        principalTable: "carriers_project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "carriers_project_milestone",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: true),
                    actual_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_project_milestone", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_project_milestone_carriers_project_project_id",
                        column: x => x.project_id,
                        principalTable: "carriers_project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carriers_progress_report_project_id_month",
                table: "carriers_progress_report",
                columns: new[] { "project_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_carriers_progress_report_region_code",
                table: "carriers_progress_report",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_project_carrier_id",
                table: "carriers_project",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_project_name",
                table: "carriers_project",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_project_parcel_id",
                table: "carriers_project",
                column: "parcel_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_project_region_code",
                table: "carriers_project",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_project_milestone_project_id_kind",
                table: "carriers_project_milestone",
                columns: new[] { "project_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_carriers_project_milestone_region_code",
                table: "carriers_project_milestone",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "carriers_progress_report");

            migrationBuilder.DropTable(
                name: "carriers_project_milestone");

            migrationBuilder.DropTable(
                name: "carriers_project");
        }
    }
}
