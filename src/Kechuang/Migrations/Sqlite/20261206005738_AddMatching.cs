using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "matching_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    target_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    demand_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    query_text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    terms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    useful = table.Column<bool>(type: "INTEGER", nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_feedback", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "matching_synonym",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    words = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_synonym", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "matching_word",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    word = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    industry = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_word", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_matching_feedback_demand_id",
                table: "matching_feedback",
                column: "demand_id");

            migrationBuilder.CreateIndex(
                name: "ix_matching_feedback_kind_target_id",
                table: "matching_feedback",
                columns: new[] { "kind", "target_id" });

            migrationBuilder.CreateIndex(
                name: "ix_matching_word_word",
                table: "matching_word",
                column: "word",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matching_feedback");

            migrationBuilder.DropTable(
                name: "matching_synonym");

            migrationBuilder.DropTable(
                name: "matching_word");
        }
    }
}
