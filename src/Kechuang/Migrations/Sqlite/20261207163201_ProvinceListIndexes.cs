using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvinceListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprises_profile_region_code",
                table: "enterprises_profile");

            migrationBuilder.DropIndex(
                name: "ix_directory_organization_region_code",
                table: "directory_organization");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_profile_region_code_name_id",
                table: "enterprises_profile",
                columns: new[] { "region_code", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_directory_organization_region_code_name_id",
                table: "directory_organization",
                columns: new[] { "region_code", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_region_code_sign_date",
                table: "contracts_contract",
                columns: new[] { "region_code", "sign_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprises_profile_region_code_name_id",
                table: "enterprises_profile");

            migrationBuilder.DropIndex(
                name: "ix_directory_organization_region_code_name_id",
                table: "directory_organization");

            migrationBuilder.DropIndex(
                name: "ix_contracts_contract_region_code_sign_date",
                table: "contracts_contract");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_profile_region_code",
                table: "enterprises_profile",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_directory_organization_region_code",
                table: "directory_organization",
                column: "region_code");
        }
    }
}
