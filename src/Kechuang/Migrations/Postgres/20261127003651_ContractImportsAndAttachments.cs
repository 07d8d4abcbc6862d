using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContractImportsAndAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "import_id",
                table: "contracts_contract",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contracts_attachment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_attachment", x => x.id);
                    table.ForeignKey(
                        name: "fk_contracts_attachment_tech_contract_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts_contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contracts_import",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submitted = table.Column<int>(type: "integer", nullable: false),
                    registered = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_import", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contracts_attachment_content",
                columns: table => new
                {
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_attachment_content", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_contracts_attachment_content_contracts_attachment_attachmen",
                        column: x => x.attachment_id,
                        principalTable: "contracts_attachment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contract_import_id",
                table: "contracts_contract",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_attachment_contract_id_uploaded_at",
                table: "contracts_attachment",
                columns: new[] { "contract_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_import_at",
                table: "contracts_import",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contracts_attachment_content");

            migrationBuilder.DropTable(
                name: "contracts_import");

            migrationBuilder.DropTable(
                name: "contracts_attachment");

            migrationBuilder.DropIndex(
                name: "ix_contracts_contract_import_id",
                table: "contracts_contract");

            migrationBuilder.DropColumn(
                name: "import_id",
                table: "contracts_contract");
        }
    }
}
