using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CarrierUnitClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "claims",
                table: "carriers_unit",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Units already named by tenancies start from the number of tenancies that named them.
            migrationBuilder.Sql("UPDATE carriers_unit SET claims = (SELECT COUNT(*) FROM carriers_tenancy_unit l WHERE l.unit_id = carriers_unit.id)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "claims",
                table: "carriers_unit");
        }
    }
}
