using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Market : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "market_achievement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    owner_organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    owner_region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    keywords = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    maturity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    linked_ip = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    expected_price_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_achievement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "market_auction",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organizer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    soft_close_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    deposit_required = table.Column<bool>(type: "INTEGER", nullable: false),
                    deposit_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    results_published_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_auction", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "market_bidder",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    auction_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    deposit_paid = table.Column<bool>(type: "INTEGER", nullable: false),
                    deposit_confirmed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deposit_confirmed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    registered_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_bidder", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_bidder_market_auction_auction_id",
                        column: x => x.auction_id,
                        principalTable: "market_auction",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "market_lot",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    auction_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    achievement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    starting_price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    increment_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    reserve_price_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    current_price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    seq = table.Column<int>(type: "INTEGER", nullable: false),
                    leader_bidder_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    leader_number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    hammer_price_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    winner_organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    contract_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_lot", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_lot_market_achievement_achievement_id",
                        column: x => x.achievement_id,
                        principalTable: "market_achievement",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_market_lot_market_auction_auction_id",
                        column: x => x.auction_id,
                        principalTable: "market_auction",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "market_bid",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seq = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    bidder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bidder_organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bidder_number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at_after = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_bid", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_bid_market_lot_lot_id",
                        column: x => x.lot_id,
                        principalTable: "market_lot",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_market_achievement_field",
                table: "market_achievement",
                column: "field");

            migrationBuilder.CreateIndex(
                name: "ix_market_achievement_owner_organization_id",
                table: "market_achievement",
                column: "owner_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_auction_region_code",
                table: "market_auction",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_market_auction_starts_at",
                table: "market_auction",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_market_bid_bidder_organization_id_idempotency_key",
                table: "market_bid",
                columns: new[] { "bidder_organization_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_market_bid_lot_id_seq",
                table: "market_bid",
                columns: new[] { "lot_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_market_bidder_auction_id_number",
                table: "market_bidder",
                columns: new[] { "auction_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_market_bidder_auction_id_organization_id",
                table: "market_bidder",
                columns: new[] { "auction_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_market_lot_achievement_id",
                table: "market_lot",
                column: "achievement_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_lot_auction_id_number",
                table: "market_lot",
                columns: new[] { "auction_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_market_lot_status_ends_at",
                table: "market_lot",
                columns: new[] { "status", "ends_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "market_bid");

            migrationBuilder.DropTable(
                name: "market_bidder");

            migrationBuilder.DropTable(
                name: "market_lot");

            migrationBuilder.DropTable(
                name: "market_achievement");

            migrationBuilder.DropTable(
                name: "market_auction");
        }
    }
}
