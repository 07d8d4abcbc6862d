using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CarrierUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "occupancy_basis",
                table: "carriers_carrier",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Units");

            migrationBuilder.CreateTable(
                name: "carriers_unit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    carrier_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    floor = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    area = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    use = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    available_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_unit", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_unit_carriers_carrier_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers_carrier",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "carriers_tenancy_unit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenancy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_tenancy_unit", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_tenancy_unit_carriers_tenancy_tenancy_id",
                        column: x => x.tenancy_id,
                        principalTable: "carriers_tenancy",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_carriers_tenancy_unit_carriers_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "carriers_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carriers_tenancy_unit_organization_id",
                table: "carriers_tenancy_unit",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_tenancy_unit_region_code",
                table: "carriers_tenancy_unit",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_tenancy_unit_tenancy_id_unit_id",
                table: "carriers_tenancy_unit",
                columns: new[] { "tenancy_id", "unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_carriers_tenancy_unit_unit_id",
                table: "carriers_tenancy_unit",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_unit_carrier_id_number",
                table: "carriers_unit",
                columns: new[] { "carrier_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_carriers_unit_region_code",
                table: "carriers_unit",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "carriers_tenancy_unit");

            migrationBuilder.DropTable(
                name: "carriers_unit");

            migrationBuilder.DropColumn(
                name: "occupancy_basis",
                table: "carriers_carrier");
        }
    }
}
