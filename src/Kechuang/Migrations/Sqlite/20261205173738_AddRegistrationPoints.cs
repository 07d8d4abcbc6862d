using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRegistrationPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contracts_registration_point",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    city_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_registration_point", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_registration_point_city_code_code",
                table: "contracts_registration_point",
                columns: new[] { "city_code", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_registration_point_region_code",
                table: "contracts_registration_point",
                column: "region_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contracts_registration_point");
        }
    }
}
