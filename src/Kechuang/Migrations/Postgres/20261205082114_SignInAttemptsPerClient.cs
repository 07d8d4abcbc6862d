using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignInAttemptsPerClient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failed_sign_ins",
                table: "access_account");

            migrationBuilder.DropColumn(
                name: "locked_until",
                table: "access_account");

            migrationBuilder.CreateTable(
                name: "access_sign_in_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    window_start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "locked_until",
                table: "access_account",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
