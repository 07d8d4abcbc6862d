using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddPlanProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "programs_call",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: false),
                    guide = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    drop_high_low = table.Column<bool>(type: "boolean", nullable: false),
                    notice_days = table.Column<int>(type: "integer", nullable: false),
                    criteria = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programs_call", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programs_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    leader = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    team = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    own_funds_fen = table.Column<long>(type: "bigint", nullable: false),
                    requested_funds_fen = table.Column<long>(type: "bigint", nullable: false),
                    documents = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    source_application_id = table.Column<Guid>(type: "uuid", nullable: true),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    check_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recommended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recommended_to_call_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notice_starts_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notice_ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_funds_fen = table.Column<long>(type: "bigint", nullable: true),
                    contract_signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    start_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_on = table.Column<DateOnly>(type: "date", nullable: true),
                    milestones = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    midterm_on = table.Column<DateOnly>(type: "date", nullable: true),
                    midterm_result = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    original_end_on = table.Column<DateOnly>(type: "date", nullable: true),
                    extension_months = table.Column<int>(type: "integer", nullable: true),
                    acceptance_requested_on = table.Column<DateOnly>(type: "date", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acceptance_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    graded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    steps = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programs_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_programs_application_programs_call_call_id",
                        column: x => x.call_id,
                        principalTable: "programs_call",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programs_objection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    upheld = table.Column<bool>(type: "boolean", nullable: true),
                    resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programs_objection", x => x.id);
                    table.ForeignKey(
                        name: "fk_programs_objection_programs_application_application_id",
                        column: x => x.application_id,
                        principalTable: "programs_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programs_review_assignment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    reviewer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assigned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    conflict = table.Column<bool>(type: "boolean", nullable: false),
                    conflict_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    points = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    scored_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programs_review_assignment", x => x.id);
                    table.ForeignKey(
                        name: "fk_programs_review_assignment_programs_application_application",
                        column: x => x.application_id,
                        principalTable: "programs_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programs_transition",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    on_day = table.Column<DateOnly>(type: "date", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programs_transition", x => x.id);
                    table.ForeignKey(
                        name: "fk_programs_transition_programs_application_application_id",
                        column: x => x.application_id,
                        principalTable: "programs_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });


            migrationBuilder.CreateIndex(
                name: "ix_programs_application_call_id_status",
                table: "programs_application",
                columns: new[] { "call_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_programs_application_organization_id_call_id_title",
                table: "programs_application",
                columns: new[] { "organization_id", "call_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programs_application_region_code",
                table: "programs_application",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_programs_application_source_application_id",
                table: "programs_application",
                column: "source_application_id");

            migrationBuilder.CreateIndex(
                name: "ix_programs_call_year_level",
                table: "programs_call",
                columns: new[] { "year", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_programs_objection_application_id",
                table: "programs_objection",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_programs_review_assignment_application_id_reviewer_id",
                table: "programs_review_assignment",
                columns: new[] { "application_id", "reviewer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programs_review_assignment_reviewer_id",
                table: "programs_review_assignment",
                column: "reviewer_id");

            migrationBuilder.CreateIndex(
                name: "ix_programs_transition_application_id_seq",
                table: "programs_transition",
                columns: new[] { "application_id", "seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programs_objection");

            migrationBuilder.DropTable(
                name: "programs_review_assignment");

            migrationBuilder.DropTable(
                name: "programs_transition");

            migrationBuilder.DropTable(
                name: "programs_application");

            migrationBuilder.DropTable(
                name: "programs_call");


        }
    }
}
