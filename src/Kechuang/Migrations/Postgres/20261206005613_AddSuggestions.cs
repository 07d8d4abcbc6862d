using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suggestions_suggestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    representatives = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    representative_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    session = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assigned_on = table.Column<DateOnly>(type: "date", nullable: true),
                    lead_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    extended = table.Column<bool>(type: "boolean", nullable: false),
                    extension_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    signed_for_on = table.Column<DateOnly>(type: "date", nullable: true),
                    replied_on = table.Column<DateOnly>(type: "date", nullable: true),
                    first_reply_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    first_replied_on = table.Column<DateOnly>(type: "date", nullable: true),
                    classification = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    reply_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    reply_contact_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reply_contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    satisfaction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    feedback_on = table.Column<DateOnly>(type: "date", nullable: true),
                    rehandle_count = table.Column<int>(type: "integer", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions_suggestion", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "suggestions_co_handler",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    suggestion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opinion_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    opinion_on = table.Column<DateOnly>(type: "date", nullable: true),
                    opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions_co_handler", x => x.id);
                    table.ForeignKey(
                        name: "fk_suggestions_co_handler_suggestions_suggestion_suggestion_id",
                        column: x => x.suggestion_id,
                        principalTable: "suggestions_suggestion",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suggestions_contact",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    suggestion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    contacted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    way = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions_contact", x => x.id);
                    table.ForeignKey(
                        name: "fk_suggestions_contact_suggestions_suggestion_suggestion_id",
                        column: x => x.suggestion_id,
                        principalTable: "suggestions_suggestion",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suggestions_step",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    suggestion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions_step", x => x.id);
                    table.ForeignKey(
                        name: "fk_suggestions_step_suggestions_suggestion_suggestion_id",
                        column: x => x.suggestion_id,
                        principalTable: "suggestions_suggestion",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_co_handler_suggestion_id_organization_id",
                table: "suggestions_co_handler",
                columns: new[] { "suggestion_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_contact_suggestion_id",
                table: "suggestions_contact",
                column: "suggestion_id");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_step_suggestion_id",
                table: "suggestions_step",
                column: "suggestion_id");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_suggestion_first_replied_on",
                table: "suggestions_suggestion",
                column: "first_replied_on");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_suggestion_region_code",
                table: "suggestions_suggestion",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_suggestion_session_number",
                table: "suggestions_suggestion",
                columns: new[] { "session", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suggestions_co_handler");

            migrationBuilder.DropTable(
                name: "suggestions_contact");

            migrationBuilder.DropTable(
                name: "suggestions_step");

            migrationBuilder.DropTable(
                name: "suggestions_suggestion");
        }
    }
}
