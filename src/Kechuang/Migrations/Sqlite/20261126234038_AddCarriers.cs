using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCarriers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "carriers_carrier",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    operator_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    area = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_carrier", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carriers_tenancy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    carrier_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    entered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers_tenancy", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_tenancy_carriers_carrier_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers_carrier",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carriers_carrier_name",
                table: "carriers_carrier",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_carrier_parent_id",
                table: "carriers_carrier",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_carrier_region_code",
                table: "carriers_carrier",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_tenancy_carrier_id",
                table: "carriers_tenancy",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_tenancy_organization_id",
                table: "carriers_tenancy",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_tenancy_region_code",
                table: "carriers_tenancy",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "carriers_tenancy");

            migrationBuilder.DropTable(
                name: "carriers_carrier");
        }
    }
}
