using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "events_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    organisers = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    partners = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events_event", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "events_media_report",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    outlet = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    medium = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events_media_report", x => x.id);
                    table.ForeignKey(
                        name: "fk_events_media_report_events_event_event_id",
                        column: x => x.event_id,
                        principalTable: "events_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_event_held_on",
                table: "events_event",
                column: "held_on");

            migrationBuilder.CreateIndex(
                name: "ix_events_event_region_code",
                table: "events_event",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_events_media_report_event_id",
                table: "events_media_report",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_media_report_outlet_published_on_title",
                table: "events_media_report",
                columns: new[] { "outlet", "published_on", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_media_report_published_on",
                table: "events_media_report",
                column: "published_on");

            migrationBuilder.CreateIndex(
                name: "ix_events_media_report_region_code",
                table: "events_media_report",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "events_media_report");

            migrationBuilder.DropTable(
                name: "events_event");
        }
    }
}
