using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvinceDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_market_achievement_status",
                table: "market_achievement",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_directory_organization_kind_region_code",
                table: "directory_organization",
                columns: new[] { "kind", "region_code" },
                filter: "is_shared_with_all");
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
        }
    }
}
