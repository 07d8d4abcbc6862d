using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LandParcels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "carriers_parcel",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    carrier_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    area_square_metres = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    use = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    planned_project = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_parcel", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_parcel_carriers_carrier_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers_carrier",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "carriers_parcel_step",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    parcel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_parcel_step", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_parcel_step_carriers_parcel_parcel_id",
                        column: x => x.parcel_id,
                        principalTable: "carriers_parcel",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carriers_parcel_carrier_id",
                table: "carriers_parcel",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_parcel_name",
                table: "carriers_parcel",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_parcel_region_code",
                table: "carriers_parcel",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_parcel_step_parcel_id_kind",
                table: "carriers_parcel_step",
                columns: new[] { "parcel_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_carriers_parcel_step_region_code",
                table: "carriers_parcel_step",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "carriers_parcel_step");

            migrationBuilder.DropTable(
                name: "carriers_parcel");
        }
    }
}
