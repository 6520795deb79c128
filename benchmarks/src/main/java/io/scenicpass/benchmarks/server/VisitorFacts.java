package io.scenicpass.benchmarks.server;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Generated visitor facts for {@link MeasuresScale}, written with PostgreSQL's COPY (the fastest way in, not what is
 * measured): per park day {@code visitors} people in bookings of 1–4 (2.5 on average) over four channels, one pass
 * each; 95 % come (an entry at 08:00–14:00 and an exit 1–6 h later, as gate events, pass use), 3 % are cancelled;
 * a coupon for 5 % of the bookings, a fifth of them used; 3 % of the bookings are packages (a hotel part). The hub's
 * facts: one visitor per booking (every 5th booking is a visitor of the day before: returning), one visit per pass
 * that came, a till receipt for every other visit, and the hub's record of having taken each booking in
 * ({@code visitor_booking}: a hub that ran all year holds one row per booking) and the last days' entries
 * ({@code visitor_entry_applied}, which the hub's feed keeps about a day).
 */
final class VisitorFacts {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> CHANNELS = List.of("ota-a", "ota-b", "ota-c", "ota-d");

    private VisitorFacts() {}

    /**
     * Writes one park day of facts; returns the rows written. {@code markEntries}: the hub's marks of the day's entries
     * taken in too — a running hub keeps them only about a day (VisitorFeed forgets older ones), so only for the last
     * days of a generated history.
     */
    static long day(Connection c, LocalDate day, int dayIndex, int visitors, boolean markEntries) throws SQLException {
        long dayStart = day.atStartOfDay(ZONE).toInstant().toEpochMilli();
        StringBuilder bookings = new StringBuilder();
        StringBuilder passes = new StringBuilder();
        StringBuilder uses = new StringBuilder();
        StringBuilder events = new StringBuilder();
        StringBuilder coupons = new StringBuilder();
        StringBuilder redemptions = new StringBuilder();
        StringBuilder parts = new StringBuilder();
        StringBuilder people = new StringBuilder();
        StringBuilder visits = new StringBuilder();
        StringBuilder receipts = new StringBuilder();
        StringBuilder linked = new StringBuilder(); // the hub's record of the bookings it took in
        StringBuilder applied = new StringBuilder(); // and of the entries
        String d = day.toString();
        long rows = 0;
        int persons = 0;
        for (int i = 0; persons < visitors; i++) {
            int party = 1 + (i % 4);
            persons += party;
            boolean returning = dayIndex > 0 && i % 5 == 0;
            long visitor = returning ? (dayIndex - 1) * 1_000_000L + i + 2 : dayIndex * 1_000_000L + i + 1;
            if (!returning) {
                tsv(people, visitor, dayStart, d, "f", i % 10 == 0 ? 2 : 1, 1, 0, 0, 0);
                rows++;
            }
            String id = d + "-" + i;
            String channel = CHANNELS.get(i % CHANNELS.size());
            boolean cancelled = i % 33 == 0;
            boolean comes = !cancelled && i % 20 != 7;
            long in = dayStart + 8 * 3_600_000L + (i * 7919L) % (6 * 3_600_000L);
            long out = in + 3_600_000L + (i * 104_729L) % (5 * 3_600_000L);
            long created = dayStart - 86_400_000L;
            String status = cancelled ? "CANCELLED" : comes ? "REDEEMED" : "CONFIRMED";
            tsv(
                    bookings,
                    "b" + id,
                    channel,
                    "tour",
                    "tour-opt",
                    "tour-slot-" + d,
                    "\\N",
                    d,
                    status,
                    party,
                    0,
                    "gen",
                    "GEN-" + id,
                    "CNY",
                    party * 10_000L,
                    party * 9_000L,
                    created,
                    comes ? in : created,
                    created,
                    comes ? in : "\\N",
                    cancelled ? created : "\\N",
                    "[]");
            tsv(passes, "p" + id, "b" + id, "gen", "gen", party, dayStart, dayStart + 86_400_000L, "f", created);
            rows += 2;
            if (!cancelled) {
                tsv(linked, "b" + id, visitor, channel, "tour", d, party, created);
                rows++;
            }
            if (comes) {
                tsv(uses, "p" + id, 1, 1, in, out);
                tsv(
                        events,
                        "ei" + id,
                        "gate-1",
                        "gate-1",
                        "park",
                        "p" + id,
                        "IN",
                        "QR",
                        "ADMIT",
                        "OK",
                        in,
                        in,
                        "f",
                        party,
                        "ACCEPTED",
                        in);
                tsv(
                        events,
                        "eo" + id,
                        "gate-1",
                        "gate-1",
                        "park",
                        "p" + id,
                        "OUT",
                        "QR",
                        "ADMIT",
                        "OK",
                        out,
                        out,
                        "f",
                        party,
                        "ACCEPTED",
                        out);
                if (markEntries) {
                    tsv(applied, "ei" + id, in);
                    tsv(applied, "eo" + id, out);
                    rows += 2;
                }
                rows += 3;
                tsv(visits, "p" + id, d, visitor, "b" + id, party, in, out, (out - in) / 60_000);
                rows++;
                if (i % 2 == 0) {
                    tsv(
                            receipts,
                            "till-" + (i % 7),
                            "r" + id,
                            visitor,
                            "p" + id,
                            d,
                            500 + (i % 40) * 100,
                            "CNY",
                            "h",
                            out);
                    rows++;
                }
            }
            if (i % 20 == 3) {
                tsv(coupons, "k" + id, "gen-camp", i, "\\N", d, out, out, out + 30 * 86_400_000L, out);
                rows++;
                if (i % 100 == 3) {
                    tsv(redemptions, "gen-camp", "b" + id, channel, i, "k" + id, 1000, "1000", "CNY", out);
                    rows++;
                }
            }
            if (i % 33 == 5) {
                tsv(
                        parts,
                        "b" + id,
                        1,
                        "gen-hotel",
                        "gen-partner",
                        d,
                        party,
                        party * 30_000L,
                        "CNY",
                        dayStart,
                        "SOLD",
                        "V" + id,
                        created,
                        "\\N",
                        "\\N");
                rows++;
            }
        }
        copy(
                c,
                "booking(uuid, channel_id, product_id, option_id, slot_id, pool_id, local_date, status, quantity,"
                        + " from_allotment, request_hash, supplier_reference, currency, total_retail, total_net, created_at,"
                        + " updated_at, confirmed_at, redeemed_at, cancelled_at, unit_items)",
                bookings);
        copy(
                c,
                "pass(pass_id, booking_uuid, key_id, pass_text, party_size, valid_from, valid_until, revoked,"
                        + " issued_at)",
                passes);
        copy(c, "pass_use(pass_id, entries, exits, first_entry_at, last_event_at)", uses);
        copy(
                c,
                "entry_event(event_id, device_id, gate_id, zone_id, pass_id, direction, credential_type, verdict,"
                        + " reason, device_time, corrected_time, offline, party_count, status, received_at)",
                events);
        copy(
                c,
                "coupon(code, offer_id, visitor_id, shop_visitor_id, visit_day, send_at, sent_at, expires_at,"
                        + " created_at)",
                coupons);
        copy(
                c,
                "offer_redemption(offer_id, booking_uuid, channel_id, visitor_id, coupon_code, amount, item_amounts,"
                        + " currency, created_at)",
                redemptions);
        copy(
                c,
                "package_booking_part(booking_uuid, position, resource_id, partner_id, on_day, places, net, currency,"
                        + " cutoff_at, state, voucher_code, sold_at, cancelled_at, used_at)",
                parts);
        copy(
                c,
                "visitor(id, created_at, last_fact_day, marketing_consent, visits_12m, bookings_12m, receipts_12m,"
                        + " spend_12m, dwell_12m)",
                people);
        copy(c, "visit(pass_id, visit_day, visitor_id, booking_uuid, party, entry_at, exit_at, dwell_minutes)", visits);
        copy(
                c,
                "visitor_receipt(partner_id, receipt_id, visitor_id, pass_id, receipt_day, amount, currency,"
                        + " body_hash, received_at)",
                receipts);
        copy(
                c,
                "visitor_booking(booking_uuid, visitor_id, channel_id, product_id, visit_day, units, confirmed_at)",
                linked);
        copy(c, "visitor_entry_applied(event_id, applied_at)", applied);
        return rows;
    }

    private static void tsv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : "\t").append(values[i]);
        }
        out.append('\n');
    }

    private static void copy(Connection c, String table, StringBuilder rows) throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        try {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }
}
