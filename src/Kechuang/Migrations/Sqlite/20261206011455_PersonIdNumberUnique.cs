using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonIdNumberUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_directory_person_id_number_index",
                table: "directory_person");

            migrationBuilder.CreateIndex(
                name: "ix_directory_person_id_number_index",
                table: "directory_person",
                column: "id_number_index",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_directory_person_id_number_index",
                table: "directory_person");

            migrationBuilder.CreateIndex(
                name: "ix_directory_person_id_number_index",
                table: "directory_person",
                column: "id_number_index");
        }
    }
}
