using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kechuang.Migrations.Postgres
{
    /// <summary>
    /// The bid rules stated once (docs/adr/014-bid-rules-stated-once.md): market_bidder_refusal, market_lot_refusal and
    /// market_bid_ends_after are the SQL that MarketRulesSql writes from the expressions of MarketRules, copied here as
    /// they were when this migration was written (MarketRulesSqlTests fails when the rules change without a new
    /// migration). market_place_bids keeps its batch, its reads and its row lock (ADR 011) and decides with them
    /// instead of its two inline copies of the rules.
    /// </summary>
    public partial class MarketPlaceBidRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION market_bidder_refusal(p_registered boolean, p_deposit_required boolean, p_deposit_paid boolean)
                RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
                SELECT CASE
                    WHEN p_registered IS NOT TRUE THEN 'not-registered'
                    WHEN ((NOT p_deposit_required) OR p_deposit_paid) IS NOT TRUE THEN 'deposit-unconfirmed'
                END
                $fn$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION market_lot_refusal(p_status text, p_seq integer, p_current_price bigint, p_starting_price bigint, p_increment bigint, p_ends_at timestamptz, p_starts_at timestamptz, p_soft_close integer, p_amount bigint, p_received_at timestamptz)
                RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
                SELECT CASE
                    WHEN ((p_status = 'Open') AND (p_received_at < p_ends_at)) IS NOT TRUE THEN 'closed'
                    WHEN (p_received_at >= p_starts_at) IS NOT TRUE THEN 'not-started'
                    WHEN (p_amount >= (CASE WHEN (p_seq = 0) THEN p_starting_price ELSE (p_current_price + p_increment) END)) IS NOT TRUE THEN 'too-low'
                END
                $fn$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION market_bid_ends_after(p_status text, p_seq integer, p_current_price bigint, p_starting_price bigint, p_increment bigint, p_ends_at timestamptz, p_starts_at timestamptz, p_soft_close integer, p_amount bigint, p_received_at timestamptz)
                RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
                SELECT (CASE WHEN ((p_received_at + make_interval(secs => p_soft_close)) > p_ends_at) THEN (p_received_at + make_interval(secs => p_soft_close)) ELSE p_ends_at END)
                $fn$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION market_place_bids(
                    p_lot uuid, p_orgs uuid[], p_keys text[], p_amounts bigint[], p_nows timestamptz[], p_bids uuid[], p_accounts text[])
                RETURNS TABLE (
                    r_outcome text, r_bid uuid, r_lot uuid, r_seq integer, r_amount bigint, r_ends_at timestamptz, r_number text,
                    r_status text, r_current_seq integer, r_current_price bigint, r_starting_price bigint, r_increment bigint,
                    r_current_ends_at timestamptz, r_starts_at timestamptz, r_soft_close integer)
                LANGUAGE plpgsql AS $fn$
                DECLARE
                    n integer := coalesce(array_length(p_orgs, 1), 0);
                    v_auction uuid;
                    v_starts timestamptz;
                    v_soft integer;
                    v_deposit_required boolean;
                    v_status text;
                    v_seq integer;
                    v_first_seq integer;
                    v_price bigint;
                    v_start_price bigint;
                    v_increment bigint;
                    v_ends timestamptz;
                    v_leader uuid;
                    v_leader_number text;
                    v_bidders uuid[];
                    v_numbers text[];
                    v_paid boolean[];
                    v_original uuid[];
                    v_original_lot uuid[];
                    v_original_seq integer[];
                    v_original_amount bigint[];
                    v_original_ends timestamptz[];
                    v_candidate boolean := false;
                    i integer;
                BEGIN
                    SELECT l.auction_id, a.starts_at, a.soft_close_seconds, a.deposit_required,
                           l.status, l.seq, l.current_price_fen, l.starting_price_fen, l.increment_fen, l.ends_at
                      INTO v_auction, v_starts, v_soft, v_deposit_required, v_status, v_seq, v_price, v_start_price, v_increment, v_ends
                      FROM market_lot l JOIN market_auction a ON a.id = l.auction_id
                     WHERE l.id = p_lot;
                    IF NOT FOUND THEN
                        FOR i IN 1 .. n LOOP
                            r_outcome := 'not-found';
                            RETURN NEXT;
                        END LOOP;
                        RETURN;
                    END IF;

                    SELECT array_agg(b.id ORDER BY x.i), array_agg(b.number ORDER BY x.i), array_agg(b.deposit_paid ORDER BY x.i)
                      INTO v_bidders, v_numbers, v_paid
                      FROM unnest(p_orgs) WITH ORDINALITY AS x(org, i)
                      LEFT JOIN market_bidder b ON b.auction_id = v_auction AND b.organization_id = x.org;
                    SELECT array_agg(o.id ORDER BY x.i), array_agg(o.lot_id ORDER BY x.i), array_agg(o.seq ORDER BY x.i),
                           array_agg(o.amount_fen ORDER BY x.i), array_agg(o.ends_at_after ORDER BY x.i)
                      INTO v_original, v_original_lot, v_original_seq, v_original_amount, v_original_ends
                      FROM unnest(p_orgs, p_keys) WITH ORDINALITY AS x(org, key, i)
                      LEFT JOIN market_bid o ON o.bidder_organization_id = x.org AND o.idempotency_key = x.key;

                    -- Would any bid pass against the latest committed row? Only then is the lot locked.
                    FOR i IN 1 .. n LOOP
                        IF v_original[i] IS NULL
                           AND market_bidder_refusal(v_bidders[i] IS NOT NULL, v_deposit_required, coalesce(v_paid[i], false)) IS NULL
                           AND market_lot_refusal(v_status, v_seq, v_price, v_start_price, v_increment, v_ends, v_starts, v_soft, p_amounts[i], p_nows[i]) IS NULL THEN
                            v_candidate := true;
                            EXIT;
                        END IF;
                    END LOOP;
                    IF v_candidate THEN
                        SELECT l.status, l.seq, l.current_price_fen, l.ends_at, l.leader_bidder_id, l.leader_number
                          INTO v_status, v_seq, v_price, v_ends, v_leader, v_leader_number
                          FROM market_lot l
                         WHERE l.id = p_lot
                           FOR UPDATE;
                    END IF;
                    v_first_seq := v_seq;

                    FOR i IN 1 .. n LOOP
                        r_outcome := NULL; r_bid := NULL; r_lot := NULL; r_seq := NULL; r_amount := NULL; r_ends_at := NULL; r_number := NULL;
                        r_status := NULL; r_current_seq := NULL; r_current_price := NULL; r_starting_price := NULL; r_increment := NULL;
                        r_current_ends_at := NULL; r_starts_at := NULL; r_soft_close := NULL;
                        -- A bidder rule refuses with its own name; a lot rule with the lot as it stood, for the caller to name.
                        r_outcome := market_bidder_refusal(v_bidders[i] IS NOT NULL, v_deposit_required, coalesce(v_paid[i], false));
                        IF r_outcome IS NOT NULL THEN
                            NULL;
                        ELSIF v_original[i] IS NOT NULL THEN
                            r_outcome := 'original';
                            r_bid := v_original[i];
                            r_lot := v_original_lot[i];
                            r_seq := v_original_seq[i];
                            r_amount := v_original_amount[i];
                            r_ends_at := v_original_ends[i];
                        ELSIF v_candidate
                              AND market_lot_refusal(v_status, v_seq, v_price, v_start_price, v_increment, v_ends, v_starts, v_soft, p_amounts[i], p_nows[i]) IS NULL THEN
                            v_ends := market_bid_ends_after(v_status, v_seq, v_price, v_start_price, v_increment, v_ends, v_starts, v_soft, p_amounts[i], p_nows[i]);
                            v_seq := v_seq + 1;
                            v_price := p_amounts[i];
                            v_leader := v_bidders[i];
                            v_leader_number := v_numbers[i];
                            INSERT INTO market_bid (id, lot_id, seq, amount_fen, bidder_id, bidder_organization_id, bidder_number,
                                                    account, idempotency_key, received_at, ends_at_after)
                            VALUES (p_bids[i], p_lot, v_seq, p_amounts[i], v_bidders[i], p_orgs[i], v_numbers[i], p_accounts[i], p_keys[i],
                                    p_nows[i], v_ends);
                            r_outcome := 'accepted';
                            r_bid := p_bids[i];
                            r_lot := p_lot;
                            r_seq := v_seq;
                            r_amount := p_amounts[i];
                            r_ends_at := v_ends;
                            r_number := v_numbers[i];
                        ELSE
                            r_outcome := 'refused';
                            r_status := v_status;
                            r_current_seq := v_seq;
                            r_current_price := v_price;
                            r_starting_price := v_start_price;
                            r_increment := v_increment;
                            r_current_ends_at := v_ends;
                            r_starts_at := v_starts;
                            r_soft_close := v_soft;
                        END IF;
                        RETURN NEXT;
                    END LOOP;

                    IF v_seq <> v_first_seq THEN
                        UPDATE market_lot
                           SET current_price_fen = v_price, seq = v_seq, ends_at = v_ends,
                               leader_bidder_id = v_leader, leader_number = v_leader_number
                         WHERE id = p_lot;
                    END IF;
                END
                $fn$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MarketPlaceBidsBatch.CreateSql);
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS market_bid_ends_after(text, integer, bigint, bigint, bigint, timestamptz, timestamptz, integer, bigint, timestamptz);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS market_lot_refusal(text, integer, bigint, bigint, bigint, timestamptz, timestamptz, integer, bigint, timestamptz);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS market_bidder_refusal(boolean, boolean, boolean);");
        }
    }
}
