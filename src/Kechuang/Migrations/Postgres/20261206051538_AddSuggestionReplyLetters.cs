using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSuggestionReplyLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suggestions_reply_template",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    suggestion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions_reply_template", x => x.id);
                    table.ForeignKey(
                        name: "fk_suggestions_reply_template_suggestions_suggestion_suggestio",
                        column: x => x.suggestion_id,
                        principalTable: "suggestions_suggestion",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suggestions_reply_version",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    suggestion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    text = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    signatory = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    letter_date = table.Column<DateOnly>(type: "date", nullable: false),
                    figures_json = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    generated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    generated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions_reply_version", x => x.id);
                    table.ForeignKey(
                        name: "fk_suggestions_reply_version_suggestions_suggestion_suggestion",
                        column: x => x.suggestion_id,
                        principalTable: "suggestions_suggestion",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_reply_template_region_code",
                table: "suggestions_reply_template",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_reply_template_suggestion_id",
                table: "suggestions_reply_template",
                column: "suggestion_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_reply_version_region_code",
                table: "suggestions_reply_version",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_reply_version_suggestion_id_number",
                table: "suggestions_reply_version",
                columns: new[] { "suggestion_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suggestions_reply_template");

            migrationBuilder.DropTable(
                name: "suggestions_reply_version");
        }
    }
}
