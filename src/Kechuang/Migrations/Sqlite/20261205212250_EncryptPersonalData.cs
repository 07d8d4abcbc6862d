using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "phone_index",
                table: "talent_phd",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_phone_index",
                table: "market_achievement",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "id_number_index",
                table: "directory_person",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_index",
                table: "directory_person",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_phone_index",
                table: "directory_organization",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_talent_phd_phone_index",
                table: "talent_phd",
                column: "phone_index");

            migrationBuilder.CreateIndex(
                name: "ix_market_achievement_contact_phone_index",
                table: "market_achievement",
                column: "contact_phone_index");

            migrationBuilder.CreateIndex(
                name: "ix_directory_person_id_number_index",
                table: "directory_person",
                column: "id_number_index");

            migrationBuilder.CreateIndex(
                name: "ix_directory_person_phone_index",
                table: "directory_person",
                column: "phone_index");

            migrationBuilder.CreateIndex(
                name: "ix_directory_organization_contact_phone_index",
                table: "directory_organization",
                column: "contact_phone_index");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_talent_phd_phone_index",
                table: "talent_phd");

            migrationBuilder.DropIndex(
                name: "ix_market_achievement_contact_phone_index",
                table: "market_achievement");

            migrationBuilder.DropIndex(
                name: "ix_directory_person_id_number_index",
                table: "directory_person");

            migrationBuilder.DropIndex(
                name: "ix_directory_person_phone_index",
                table: "directory_person");

            migrationBuilder.DropIndex(
                name: "ix_directory_organization_contact_phone_index",
                table: "directory_organization");

            migrationBuilder.DropColumn(
                name: "phone_index",
                table: "talent_phd");

            migrationBuilder.DropColumn(
                name: "contact_phone_index",
                table: "market_achievement");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "directory_person");

            migrationBuilder.DropColumn(
                name: "phone_index",
                table: "directory_person");

            migrationBuilder.DropColumn(
                name: "contact_phone_index",
                table: "directory_organization");
        }
    }
}
