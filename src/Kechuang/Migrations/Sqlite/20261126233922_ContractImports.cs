using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "import_id",
                table: "contracts_contract",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contracts_import",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    submitted = table.Column<int>(type: "INTEGER", nullable: false),
                    registered = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_import", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_import_id",
                table: "contracts_contract",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_import_at",
                table: "contracts_import",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contracts_import");

            migrationBuilder.DropIndex(
                name: "ix_contracts_contract_import_id",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "import_id",
                table: "contracts_contract");
        }
    }
}
