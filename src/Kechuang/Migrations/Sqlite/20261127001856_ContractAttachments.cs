using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contracts_attachment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "contracts_attachment_content",
                columns: table => new
                {
                    attachment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts_attachment_content", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_contracts_attachment_content_contracts_attachment_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "contracts_attachment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_attachment_contract_id_uploaded_at",
                table: "contracts_attachment",
                columns: new[] { "contract_id", "uploaded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contracts_attachment_content");

            migrationBuilder.DropTable(
                name: "contracts_attachment");
        }
    }
}
