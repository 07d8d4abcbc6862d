using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EncryptPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "talent_phd",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_index",
                table: "talent_phd",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "contact_phone",
                table: "market_achievement",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_phone_index",
                table: "market_achievement",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "directory_person",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "directory_person",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "id_number_index",
                table: "directory_person",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_index",
                table: "directory_person",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "contact_phone",
                table: "directory_organization",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_phone_index",
                table: "directory_organization",
                type: "character varying(64)",
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

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "talent_phd",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(160)",
                oldMaxLength: 160,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "contact_phone",
                table: "market_achievement",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(160)",
                oldMaxLength: 160,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "directory_person",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(160)",
                oldMaxLength: 160,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "directory_person",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(160)",
                oldMaxLength: 160,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "contact_phone",
                table: "directory_organization",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(160)",
                oldMaxLength: 160,
                oldNullable: true);
        }
    }
}
