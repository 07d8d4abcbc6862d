using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Contracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contracts_contract",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    transfer_kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sign_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    transaction_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    registration_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_contract", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_target",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator_code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    comparator = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    value_scaled = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators_target", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contracts_transition",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    to = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_transition", x => x.id);
                    table.ForeignKey(
                        name: "fk_contracts_transition_contracts_contract_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_organization_id",
                table: "contracts_contract",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_region_code_status_registered_on",
                table: "contracts_contract",
                columns: new[] { "region_code", "status", "registered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_registration_number",
                table: "contracts_contract",
                column: "registration_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_seller_id_buyer_id_sign_date_title",
                table: "contracts_contract",
                columns: new[] { "seller_id", "buyer_id", "sign_date", "title" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_sign_date",
                table: "contracts_contract",
                column: "sign_date");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_transition_contract_id_at",
                table: "contracts_transition",
                columns: new[] { "contract_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_target_region_code_year_indicator_code",
                table: "indicators_target",
                columns: new[] { "region_code", "year", "indicator_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contracts_transition");

            migrationBuilder.DropTable(
                name: "indicators_target");

            migrationBuilder.DropTable(
                name: "contracts_contract");
        }
    }
}
