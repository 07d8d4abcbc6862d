using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkPersonAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "account_id",
                table: "directory_person",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_directory_person_account_id",
                table: "directory_person",
                column: "account_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_directory_person_account_id",
                table: "directory_person");

            migrationBuilder.DropColumn(
                name: "account_id",
                table: "directory_person");
        }
    }
}
