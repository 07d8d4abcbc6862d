using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FilingImplementationStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "implementation_end",
                table: "enterprises_industrialization_filing",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "implementation_start",
                table: "enterprises_industrialization_filing",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Rows filed before the column existed were carried out from their filing day, the rule for a filing that states no start.
            migrationBuilder.Sql("UPDATE enterprises_industrialization_filing SET implementation_start = filed_on");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_industrialization_filing_region_implementation",
                table: "enterprises_industrialization_filing",
                columns: new[] { "region_code", "implementation_start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprises_industrialization_filing_region_implementation",
                table: "enterprises_industrialization_filing");

            migrationBuilder.DropColumn(
                name: "implementation_end",
                table: "enterprises_industrialization_filing");

            migrationBuilder.DropColumn(
                name: "implementation_start",
                table: "enterprises_industrialization_filing");
        }
    }
}
