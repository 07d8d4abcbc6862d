using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <summary>
    /// market_place_bid: one round trip per bid on PostgreSQL (docs/adr/010-bid-in-one-round-trip.md). The
    /// acceptance is one conditional UPDATE of the lot whose WHERE holds the bidding rules of MarketRules.Decide,
    /// re-checked by PostgreSQL on the latest committed row when it had to wait for the lot's row lock; the
    /// bid row is inserted in the same transaction. A refused bid returns the lot as it stood, for the caller
    /// to name the rule it broke.
    /// </summary>
    public partial class MarketPlaceBidFunction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateSql);
        }

        /// <summary>The function as this migration created it (MarketPlaceBidsBatch's Down restores it).</summary>
        internal const string CreateSql = """
                CREATE OR REPLACE FUNCTION market_place_bid(
                    p_lot uuid, p_org uuid, p_key text, p_amount bigint, p_now timestamptz, p_bid uuid, p_account text)
                RETURNS TABLE (
                    r_outcome text, r_bid uuid, r_lot uuid, r_seq integer, r_amount bigint, r_ends_at timestamptz, r_number text,
                    r_status text, r_current_seq integer, r_current_price bigint, r_starting_price bigint, r_increment bigint,
                    r_current_ends_at timestamptz, r_starts_at timestamptz, r_soft_close integer)
                LANGUAGE plpgsql AS $fn$
                DECLARE
                    v_auction uuid;
                    v_starts timestamptz;
                    v_soft integer;
                    v_deposit_required boolean;
                    v_bidder uuid;
                    v_number text;
                    v_paid boolean;
                BEGIN
                    SELECT l.auction_id, a.starts_at, a.soft_close_seconds, a.deposit_required
                      INTO v_auction, v_starts, v_soft, v_deposit_required
                      FROM market_lot l JOIN market_auction a ON a.id = l.auction_id
                     WHERE l.id = p_lot;
                    IF NOT FOUND THEN
                        r_outcome := 'not-found';
                        RETURN NEXT;
                        RETURN;
                    END IF;

                    SELECT b.id, b.number, b.deposit_paid INTO v_bidder, v_number, v_paid
                      FROM market_bidder b
                     WHERE b.auction_id = v_auction AND b.organization_id = p_org;
                    IF NOT FOUND THEN
                        r_outcome := 'not-registered';
                        RETURN NEXT;
                        RETURN;
                    END IF;
                    IF v_deposit_required AND NOT v_paid THEN
                        r_outcome := 'deposit-unconfirmed';
                        RETURN NEXT;
                        RETURN;
                    END IF;

                    SELECT 'original', o.id, o.lot_id, o.seq, o.amount_fen, o.ends_at_after
                      INTO r_outcome, r_bid, r_lot, r_seq, r_amount, r_ends_at
                      FROM market_bid o
                     WHERE o.bidder_organization_id = p_org AND o.idempotency_key = p_key;
                    IF FOUND THEN
                        RETURN NEXT;
                        RETURN;
                    END IF;

                    UPDATE market_lot l
                       SET current_price_fen = p_amount, seq = l.seq + 1,
                           ends_at = GREATEST(l.ends_at, p_now + make_interval(secs => v_soft)),
                           leader_bidder_id = v_bidder, leader_number = v_number
                     WHERE l.id = p_lot AND l.status = 'Open' AND p_now < l.ends_at AND p_now >= v_starts
                       AND p_amount >= CASE WHEN l.seq = 0 THEN l.starting_price_fen ELSE l.current_price_fen + l.increment_fen END
                    RETURNING l.seq, l.ends_at INTO r_seq, r_ends_at;
                    IF FOUND THEN
                        INSERT INTO market_bid (id, lot_id, seq, amount_fen, bidder_id, bidder_organization_id, bidder_number,
                                                account, idempotency_key, received_at, ends_at_after)
                        VALUES (p_bid, p_lot, r_seq, p_amount, v_bidder, p_org, v_number, p_account, p_key, p_now, r_ends_at);
                        r_outcome := 'accepted';
                        r_bid := p_bid;
                        r_lot := p_lot;
                        r_amount := p_amount;
                        r_number := v_number;
                        RETURN NEXT;
                        RETURN;
                    END IF;

                    r_outcome := 'refused';
                    r_starts_at := v_starts;
                    r_soft_close := v_soft;
                    SELECT l.status, l.seq, l.current_price_fen, l.starting_price_fen, l.increment_fen, l.ends_at
                      INTO r_status, r_current_seq, r_current_price, r_starting_price, r_increment, r_current_ends_at
                      FROM market_lot l
                     WHERE l.id = p_lot;
                    RETURN NEXT;
                END
                $fn$;
                """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS market_place_bid(uuid, uuid, text, bigint, timestamptz, uuid, text);");
        }
    }
}
