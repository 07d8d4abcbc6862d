using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContractJj001Fields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "buyer_country",
                table: "contracts_contract",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "buyer_division",
                table: "contracts_contract",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "buyer_nature",
                table: "contracts_contract",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "expected_investment_fen",
                table: "contracts_contract",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "expected_output_fen",
                table: "contracts_contract",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ip_type",
                table: "contracts_contract",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plan_category",
                table: "contracts_contract",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "seller_country",
                table: "contracts_contract",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "seller_division",
                table: "contracts_contract",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "seller_nature",
                table: "contracts_contract",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "socio_economic_goal",
                table: "contracts_contract",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tech_field",
                table: "contracts_contract",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "contracts_contract",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_to",
                table: "contracts_contract",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "buyer_country",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "buyer_division",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "buyer_nature",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "expected_investment_fen",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "expected_output_fen",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "ip_type",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "plan_category",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "seller_country",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "seller_division",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "seller_nature",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "socio_economic_goal",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "tech_field",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "valid_to",
                table: "contracts_contract");
        }
    }
}
