using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvinceDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contracts_contract_region_code_sign_date",
                table: "contracts_contract");

            migrationBuilder.CreateIndex(
                name: "ix_market_achievement_status",
                table: "market_achievement",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_directory_organization_kind_region_code",
                table: "directory_organization",
                columns: new[] { "kind", "region_code" },
                filter: "is_shared_with_all");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_region_code_sign_date",
                table: "contracts_contract",
                columns: new[] { "region_code", "sign_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "status", "type", "registered_on", "amount_fen", "transaction_amount_fen", "organization_id", "title", "registration_number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_market_achievement_status",
                table: "market_achievement");

            migrationBuilder.DropIndex(
                name: "ix_directory_organization_kind_region_code",
                table: "directory_organization");

            migrationBuilder.DropIndex(
                name: "ix_contracts_contract_region_code_sign_date",
                table: "contracts_contract");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_region_code_sign_date",
                table: "contracts_contract",
                columns: new[] { "region_code", "sign_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "status", "type", "registered_on", "amount_fen", "transaction_amount_fen", "organization_id" });
        }
    }
}
