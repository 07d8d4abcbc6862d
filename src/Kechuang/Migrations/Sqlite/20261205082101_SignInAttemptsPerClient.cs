using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignInAttemptsPerClient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite drops a plain column in place (3.35+); EF's DropColumn would rebuild the table with foreign keys
            // off, which cannot run in the migration's transaction and warns at every first start.
            migrationBuilder.Sql("ALTER TABLE access_account DROP COLUMN failed_sign_ins;");
            migrationBuilder.Sql("ALTER TABLE access_account DROP COLUMN locked_until;");

            migrationBuilder.CreateTable(
                name: "access_sign_in_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    window_start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_sign_in_attempts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_sign_in_attempts_user_name_client",
                table: "access_sign_in_attempts",
                columns: new[] { "user_name", "client" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_sign_in_attempts");

            migrationBuilder.AddColumn<int>(
                name: "failed_sign_ins",
                table: "access_account",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "locked_until",
                table: "access_account",
                type: "TEXT",
                nullable: true);
        }
    }
}
