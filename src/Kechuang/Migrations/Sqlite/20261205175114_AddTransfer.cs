using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTransfer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "transfer_assessment_scheme",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    projects_weight = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    projects_cap = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    signed_amount_weight = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    signed_amount_cap = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    activities_weight = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    activities_cap = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    visits_weight = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    visits_cap = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    awards_weight = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    awards_cap = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    excellent_from = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    good_from = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    pass_from = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_assessment_scheme", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_demand_campaign",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_demand_campaign", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_institute_county_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_major = table.Column<bool>(type: "INTEGER", nullable: false),
                    funding_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_institute_county_project", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_key_lab",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    host_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    fields = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    founded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_key_lab", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_station",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    staff = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    fields = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_station", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_demand",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    field = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    budget_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    collected_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    campaign_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    posted_by_enterprise = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_demand", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_demand_transfer_demand_campaign_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "transfer_demand_campaign",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_key_lab_recognition",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key_lab_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_key_lab_recognition", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_key_lab_recognition_transfer_key_lab_key_lab_id",
                        column: x => x.key_lab_id,
                        principalTable: "transfer_key_lab",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    organizers = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    station_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_event_transfer_station_station_id",
                        column: x => x.station_id,
                        principalTable: "transfer_station",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_station_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    station_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    scheme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    projects = table.Column<int>(type: "INTEGER", nullable: false),
                    signed_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    activities = table.Column<int>(type: "INTEGER", nullable: false),
                    visits = table.Column<int>(type: "INTEGER", nullable: false),
                    awards = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_station_assessment", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_station_assessment_transfer_assessment_scheme_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "transfer_assessment_scheme",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfer_station_assessment_transfer_station_station_id",
                        column: x => x.station_id,
                        principalTable: "transfer_station",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_cooperation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    demand_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    station_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_cooperation", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_cooperation_transfer_demand_demand_id",
                        column: x => x.demand_id,
                        principalTable: "transfer_demand",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfer_cooperation_transfer_event_event_id",
                        column: x => x.event_id,
                        principalTable: "transfer_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfer_cooperation_transfer_station_station_id",
                        column: x => x.station_id,
                        principalTable: "transfer_station",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_event_enterprise",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_event_enterprise", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_event_enterprise_transfer_event_event_id",
                        column: x => x.event_id,
                        principalTable: "transfer_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_expert_attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    expert_name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    institution_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_expert_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_expert_attendance_transfer_event_event_id",
                        column: x => x.event_id,
                        principalTable: "transfer_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_station_payment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    station_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_station_payment", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_station_payment_transfer_station_assessment_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "transfer_station_assessment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfer_station_payment_transfer_station_station_id",
                        column: x => x.station_id,
                        principalTable: "transfer_station",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_assessment_scheme_region_code_year",
                table: "transfer_assessment_scheme",
                columns: new[] { "region_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cooperation_contract_id",
                table: "transfer_cooperation",
                column: "contract_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cooperation_demand_id",
                table: "transfer_cooperation",
                column: "demand_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cooperation_event_id",
                table: "transfer_cooperation",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cooperation_organization_id",
                table: "transfer_cooperation",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cooperation_region_code",
                table: "transfer_cooperation",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cooperation_signed_on",
                table: "transfer_cooperation",
                column: "signed_on");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cooperation_station_id",
                table: "transfer_cooperation",
                column: "station_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_demand_campaign_id",
                table: "transfer_demand",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_demand_collected_on",
                table: "transfer_demand",
                column: "collected_on");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_demand_organization_id",
                table: "transfer_demand",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_demand_region_code",
                table: "transfer_demand",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_demand_campaign_region_code",
                table: "transfer_demand_campaign",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_event_held_on",
                table: "transfer_event",
                column: "held_on");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_event_region_code",
                table: "transfer_event",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_event_station_id",
                table: "transfer_event",
                column: "station_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_event_enterprise_event_id_organization_id",
                table: "transfer_event_enterprise",
                columns: new[] { "event_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_event_enterprise_region_code",
                table: "transfer_event_enterprise",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_expert_attendance_event_id_expert_name_institution_id",
                table: "transfer_expert_attendance",
                columns: new[] { "event_id", "expert_name", "institution_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_expert_attendance_region_code",
                table: "transfer_expert_attendance",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_institute_county_project_approved_on",
                table: "transfer_institute_county_project",
                column: "approved_on");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_institute_county_project_region_code",
                table: "transfer_institute_county_project",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_key_lab_region_code",
                table: "transfer_key_lab",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_key_lab_recognition_key_lab_id_step_level",
                table: "transfer_key_lab_recognition",
                columns: new[] { "key_lab_id", "step", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_key_lab_recognition_region_code",
                table: "transfer_key_lab_recognition",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_institution_id",
                table: "transfer_station",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_name",
                table: "transfer_station",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_region_code",
                table: "transfer_station",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_assessment_region_code",
                table: "transfer_station_assessment",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_assessment_scheme_id",
                table: "transfer_station_assessment",
                column: "scheme_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_assessment_station_id_year",
                table: "transfer_station_assessment",
                columns: new[] { "station_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_payment_assessment_id",
                table: "transfer_station_payment",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_payment_paid_on",
                table: "transfer_station_payment",
                column: "paid_on");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_payment_region_code",
                table: "transfer_station_payment",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_station_payment_station_id",
                table: "transfer_station_payment",
                column: "station_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfer_cooperation");

            migrationBuilder.DropTable(
                name: "transfer_event_enterprise");

            migrationBuilder.DropTable(
                name: "transfer_expert_attendance");

            migrationBuilder.DropTable(
                name: "transfer_institute_county_project");

            migrationBuilder.DropTable(
                name: "transfer_key_lab_recognition");

            migrationBuilder.DropTable(
                name: "transfer_station_payment");

            migrationBuilder.DropTable(
                name: "transfer_demand");

            migrationBuilder.DropTable(
                name: "transfer_event");

            migrationBuilder.DropTable(
                name: "transfer_key_lab");

            migrationBuilder.DropTable(
                name: "transfer_station_assessment");

            migrationBuilder.DropTable(
                name: "transfer_demand_campaign");

            migrationBuilder.DropTable(
                name: "transfer_assessment_scheme");

            migrationBuilder.DropTable(
                name: "transfer_station");
        }
    }
}
