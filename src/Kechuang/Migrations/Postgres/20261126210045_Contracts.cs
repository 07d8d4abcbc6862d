using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    transfer_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sign_date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    transaction_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registration_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    review_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_contract", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_target",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    indicator_code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    comparator = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    value_scaled = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators_target", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contracts_transition",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    account = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true)
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
