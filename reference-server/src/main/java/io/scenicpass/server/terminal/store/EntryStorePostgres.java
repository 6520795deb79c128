package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.terminal.store.EntryStore.EntryRow;
import io.scenicpass.server.terminal.store.EntryStore.PassEvents;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL forms of {@link EntryStore}'s per-upload writes: one statement each over arrays ({@code unnest}),
 * locks taken in the order given (sorted by the caller); reads by a list of keys look each key up on its own
 * ({@link #byKeys}), planned at every execution. Why: docs/benchmarks.md § "reference-server entry ingestion".
 */
public final class EntryStorePostgres {
  private EntryStorePostgres() {}

  /**
   * {@code SELECT columns FROM table WHERE key = <each element of the first parameter, a varchar array> AND where}:
   * a nested loop over the keys, each looked up through the key's index (the lateral subquery with {@code OFFSET
   * 0} is planned on its own, for one key), whatever the statistics say about the table. Append an ORDER BY.
   */
  static String byKeys(String columns, String table, String key, String where) {
    return "SELECT x.* FROM unnest(?::varchar[]) AS k(id) CROSS JOIN LATERAL (SELECT " + columns + " FROM " + table
        + " WHERE " + key + " = k.id AND " + where + " OFFSET 0) x";
  }

  /** The keys as a varchar array parameter. */
  static Array keys(Connection c, Collection<String> keys) throws SQLException {
    return c.createArrayOf("varchar", keys.toArray(new String[0]));
  }

  private static final String INSERT_EVENTS = "INSERT INTO entry_event(event_id, device_id, gate_id, zone_id, pass_id,"
      + " direction, credential_type, verdict, reason, device_time, corrected_time, offline, party_count, status,"
      + " message, received_at) SELECT r.event_id, r.device_id, r.gate_id, r.zone_id, r.pass_id, r.direction,"
      + " r.credential_type, r.verdict, r.reason, r.device_time, r.corrected_time, r.offline, r.party_count, r.status,"
      + " r.message, r.received_at FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
      + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::boolean[], ?::int[],"
      + " ?::varchar[], ?::varchar[], ?::bigint[]) WITH ORDINALITY AS r(event_id, device_id, gate_id, zone_id, pass_id,"
      + " direction, credential_type, verdict, reason, device_time, corrected_time, offline, party_count, status,"
      + " message, received_at, n) ORDER BY r.n ON CONFLICT DO NOTHING RETURNING event_id";

  /** Inserts the rows (in the order given) unless their event id is stored; returns the ids inserted. */
  static Set<String> insertAll(Connection c, List<EntryRow> rows) throws SQLException {
    int n = rows.size();
    Object[][] cols = new Object[16][];
    for (int k = 0; k < 16; k++) {
      cols[k] = k == 9 || k == 10 || k == 15 ? new Long[n] : k == 11 ? new Boolean[n] : k == 12 ? new Integer[n]
          : new String[n];
    }
    for (int i = 0; i < n; i++) {
      EntryRow e = rows.get(i);
      cols[0][i] = e.eventId();
      cols[1][i] = e.deviceId();
      cols[2][i] = e.gateId();
      cols[3][i] = e.zoneId();
      cols[4][i] = e.passId();
      cols[5][i] = e.direction();
      cols[6][i] = e.credentialType();
      cols[7][i] = e.verdict();
      cols[8][i] = e.reason();
      cols[9][i] = BookingStore.millis(e.deviceTime());
      cols[10][i] = e.correctedTime().toEpochMilli();
      cols[11][i] = e.offline();
      cols[12][i] = e.partyCount();
      cols[13][i] = e.status();
      cols[14][i] = e.message();
      cols[15][i] = e.receivedAt().toEpochMilli();
    }
    String[] types = {"varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
        "varchar", "int8", "int8", "bool", "int4", "varchar", "varchar", "int8"};
    Set<String> inserted = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENTS)) {
      for (int k = 0; k < 16; k++) {
        ps.setArray(k + 1, c.createArrayOf(types[k], cols[k]));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getString(1));
        }
      }
    }
    return inserted;
  }

  /**
   * Creates the passes' use rows where missing and locks them, in the order given, with one {@code INSERT ... ON
   * CONFLICT DO UPDATE} (rows are inserted, or their conflicting row locked, in the order the select yields them).
   */
  static void lockPasses(Connection c, Collection<String> sortedPassIds, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO pass_use(pass_id, entries, exits, last_event_at)"
        + " SELECT u.id, 0, 0, ? FROM unnest(?::varchar[]) WITH ORDINALITY AS u(id, n) ORDER BY u.n"
        + " ON CONFLICT (pass_id) DO UPDATE SET last_event_at = EXCLUDED.last_event_at")) {
      ps.setLong(1, now.toEpochMilli());
      ps.setArray(2, c.createArrayOf("varchar", sortedPassIds.toArray(new String[0])));
      ps.executeUpdate();
    }
  }

  /**
   * Writes the counters of the (locked, so existing) passes (exits: this upload's added to the stored) with one
   * {@code INSERT ... ON CONFLICT DO UPDATE}: every row meets its conflict through the primary key, no join to plan.
   */
  static void updateUse(Connection c, Collection<String> passIds, Map<String, PassEvents> events,
      Map<String, Integer> newExits, Instant now) throws SQLException {
    int n = passIds.size();
    String[] ids = new String[n];
    Integer[] entries = new Integer[n];
    Integer[] exits = new Integer[n];
    Long[] first = new Long[n];
    int i = 0;
    for (String id : passIds) {
      PassEvents e = events.getOrDefault(id, new PassEvents(List.of()));
      ids[i] = id;
      entries[i] = e.admissions().size();
      exits[i] = newExits.getOrDefault(id, 0);
      first[i] = e.admissions().isEmpty() ? null : e.admissions().get(0).time().toEpochMilli();
      i++;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO pass_use(pass_id, entries, exits, first_entry_at,"
        + " last_event_at) SELECT v.pass_id, v.entries, v.exits, v.first_entry_at, ? FROM unnest(?::varchar[],"
        + " ?::int[], ?::int[], ?::bigint[]) WITH ORDINALITY AS v(pass_id, entries, exits, first_entry_at, n)"
        + " ORDER BY v.n ON CONFLICT (pass_id) DO UPDATE SET entries = EXCLUDED.entries,"
        + " exits = pass_use.exits + EXCLUDED.exits,"
        + " first_entry_at = EXCLUDED.first_entry_at, last_event_at = EXCLUDED.last_event_at")) {
      ps.setLong(1, now.toEpochMilli());
      ps.setArray(2, c.createArrayOf("varchar", ids));
      ps.setArray(3, c.createArrayOf("int4", entries));
      ps.setArray(4, c.createArrayOf("int4", exits));
      ps.setArray(5, c.createArrayOf("int8", first));
      ps.executeUpdate();
    }
  }

  /**
   * Moves the bookings still CONFIRMED to REDEEMED with one statement: each booking is looked up through its primary
   * key and locked ({@code FOR NO KEY UPDATE}, the lock an update takes), in the order given (sorted by the caller,
   * so concurrent uploads never deadlock on them), then the locked ones are updated. The status test is kept out
   * of the index choice ({@code IS TRUE}; stale statistics had sent the lookup through the status index).
   */
  static Set<String> redeemBookings(Connection c, Collection<String> uuids, Instant now) throws SQLException {
    Set<String> moved = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("WITH locked AS MATERIALIZED (SELECT x.uuid FROM"
        + " unnest(?::varchar[]) AS k(id) CROSS JOIN LATERAL (SELECT uuid FROM booking WHERE uuid = k.id AND"
        + " (status = 'CONFIRMED') IS TRUE OFFSET 0 FOR NO KEY UPDATE) x) UPDATE booking SET status='REDEEMED',"
        + " updated_at=?, redeemed_at=? WHERE uuid = ANY(ARRAY(SELECT uuid FROM locked)) RETURNING uuid")) {
      Jdbc.planEveryTime(ps);
      ps.setArray(1, keys(c, uuids));
      ps.setLong(2, now.toEpochMilli());
      ps.setLong(3, now.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          moved.add(rs.getString(1));
        }
      }
    }
    return moved;
  }
}
