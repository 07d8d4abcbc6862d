using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RejectedClaimFreesNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprises_qualification_kind_number",
                table: "enterprises_qualification");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_qualification_kind_number",
                table: "enterprises_qualification",
                columns: new[] { "kind", "number" },
                unique: true,
                filter: "status <> 'Rejected'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprises_qualification_kind_number",
                table: "enterprises_qualification");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_qualification_kind_number",
                table: "enterprises_qualification",
                columns: new[] { "kind", "number" },
                unique: true);
        }
    }
}
