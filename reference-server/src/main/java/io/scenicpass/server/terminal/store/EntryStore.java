package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.PassRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Uploaded entry events, per-pass use counts, over-use conflicts and terminal telemetry. */
public final class EntryStore {
  /** The reason a terminal journals when an admitted visitor did not pass (sdk-terminal's Reason.NOT_PASSED). */
  public static final String NOT_PASSED = "NOT_PASSED";


  /** One stored entry event (what the terminal sent plus the server's status). */
  public record EntryRow(String eventId, String deviceId, String gateId, String zoneId, String passId,
      String direction, String credentialType, String verdict, String reason, Instant deviceTime,
      Instant correctedTime, boolean offline, int partyCount, String status, String message, Instant receivedAt) {}

  /** An admission of a pass, for the over-use check. */
  public record Admission(String eventId, String deviceId, String gateId, String zoneId, Instant time,
      String status) {}

  /** An over-use conflict for the operator. */
  public record Conflict(long id, String eventId, String passId, String deviceId, String gateId, Instant entryTime,
      String priorEventId, String priorGateId, Instant priorEntryTime, int allowed, Instant detectedAt) {}

  /** One telemetry reading as stored. */
  public record Reading(String deviceId, String sensor, String kind, double value, String unit, String detail,
      Instant time) {}

  /**
   * Stored events for the operator, newest first, filtered by any of device, pass and gate (null = any).
   */
  public List<EntryRow> list(Connection c, String deviceId, String passId, String gateId, int limit)
      throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<Object> args = new java.util.ArrayList<>();
    String[][] filters = {{"device_id", deviceId}, {"pass_id", passId}, {"gate_id", gateId}};
    for (String[] f : filters) {
      if (f[1] != null) {
        where.append(" AND ").append(f[0]).append("=?");
        args.add(f[1]);
      }
    }
    return Jdbc.list(c, "SELECT * FROM entry_event" + where + " ORDER BY corrected_time DESC, event_id FETCH FIRST "
        + limit + " ROWS ONLY", EntryStore::row, args.toArray());
  }

  private static EntryRow row(java.sql.ResultSet rs) throws SQLException {
    long deviceTime = rs.getLong("device_time");
    boolean noDeviceTime = rs.wasNull();
    return new EntryRow(rs.getString("event_id"), rs.getString("device_id"), rs.getString("gate_id"),
        rs.getString("zone_id"), rs.getString("pass_id"), rs.getString("direction"), rs.getString("credential_type"),
        rs.getString("verdict"), rs.getString("reason"), noDeviceTime ? null : Instant.ofEpochMilli(deviceTime),
        Instant.ofEpochMilli(rs.getLong("corrected_time")), rs.getBoolean("offline"), rs.getInt("party_count"),
        rs.getString("status"), rs.getString("message"), Instant.ofEpochMilli(rs.getLong("received_at")));
  }

  /** Inserts the event unless its id is known; true when inserted (false = duplicate). */
  public boolean insert(Connection c, EntryRow e) throws SQLException {
    return Jdbc.update(c, "INSERT INTO entry_event(event_id, device_id, gate_id, zone_id, pass_id, direction,"
        + " credential_type, verdict, reason, device_time, corrected_time, offline, party_count, status, message,"
        + " received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", e.eventId(), e.deviceId(),
        e.gateId(), e.zoneId(), e.passId(), e.direction(), e.credentialType(), e.verdict(), e.reason(),
        BookingStore.millis(e.deviceTime()), e.correctedTime().toEpochMilli(), e.offline(), e.partyCount(),
        e.status(), e.message(), e.receivedAt().toEpochMilli()) == 1;
  }

  private static final String INSERT_COLUMNS = "INSERT INTO entry_event(event_id, device_id, gate_id, zone_id,"
      + " pass_id, direction, credential_type, verdict, reason, device_time, corrected_time, offline, party_count,"
      + " status, message, received_at) VALUES ";
  private static final String ROW_PARAMS = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  /** Ids per {@code IN (...)} list. */
  private static final int IN_CHUNK = Jdbc.IN_CHUNK;

  /**
   * Inserts the events whose id is not stored yet, in the order given (callers sort by event id, so concurrent
   * batches meet on the primary key in one order), and returns the ids this call inserted. The ids must be
   * distinct. PostgreSQL: one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING RETURNING event_id}
   * (one statement text whatever the upload's size); other databases (H2): one JDBC batch, per-row update counts.
   */
  public java.util.Set<String> insertAll(Connection c, List<EntryRow> rows) throws SQLException {
    java.util.Set<String> inserted = new java.util.HashSet<>();
    if (rows.isEmpty()) {
      return inserted;
    }
    if (Jdbc.isPostgres(c)) {
      return EntryStorePostgres.insertAll(c, rows);
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_COLUMNS + ROW_PARAMS + " ON CONFLICT DO NOTHING")) {
      for (EntryRow e : rows) {
        bindRow(ps, 0, e);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
          throw new SQLException("the driver did not report per-row insert counts");
        }
        if (counts[i] > 0) {
          inserted.add(rows.get(i).eventId());
        }
      }
    }
    return inserted;
  }

  private static void bindRow(PreparedStatement ps, int at, EntryRow e) throws SQLException {
    ps.setString(at + 1, e.eventId());
    ps.setString(at + 2, e.deviceId());
    ps.setString(at + 3, e.gateId());
    ps.setString(at + 4, e.zoneId());
    ps.setString(at + 5, e.passId());
    ps.setString(at + 6, e.direction());
    ps.setString(at + 7, e.credentialType());
    ps.setString(at + 8, e.verdict());
    ps.setString(at + 9, e.reason());
    ps.setObject(at + 10, BookingStore.millis(e.deviceTime()), java.sql.Types.BIGINT);
    ps.setLong(at + 11, e.correctedTime().toEpochMilli());
    ps.setBoolean(at + 12, e.offline());
    ps.setInt(at + 13, e.partyCount());
    ps.setString(at + 14, e.status());
    ps.setString(at + 15, e.message());
    ps.setLong(at + 16, e.receivedAt().toEpochMilli());
  }

  /** A stored event's final answer (status OVERUSE_CONFLICT or REJECTED) and its message. */
  public record Answer(String eventId, String status, String message) {}

  /**
   * The final answers of those of {@code eventIds} that {@code deviceId} stored and that were refused or found
   * over-used (a re-sent event is answered as it was; other devices' events are not disclosed). One query per
   * {@value #IN_CHUNK} ids (PostgreSQL: one primary-key lookup per id).
   */
  public java.util.Map<String, Answer> finalAnswers(Connection c, java.util.Collection<String> eventIds,
      String deviceId) throws SQLException {
    java.util.Map<String, Answer> out = new java.util.HashMap<>();
    for (Answer a : byIds(c, "event_id, status, message", "entry_event", "event_id",
        "device_id=? AND status IN ('OVERUSE_CONFLICT','REJECTED')", eventIds,
        rs -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3)), deviceId)) {
      out.put(a.eventId(), a);
    }
    return out;
  }

  /**
   * When each of {@code passIds} that has a standing admission was first admitted ({@code pass_use.first_entry_at}),
   * by pass id; passes never used are absent.
   */
  public java.util.Map<String, Instant> firstEntries(Connection c, java.util.Collection<String> passIds)
      throws SQLException {
    java.util.Map<String, Instant> out = new java.util.HashMap<>();
    for (Object[] r : byIds(c, "pass_id, first_entry_at", "pass_use", "pass_id",
        "entries > 0 AND first_entry_at IS NOT NULL", passIds,
        rs -> new Object[] {rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))})) {
      out.put((String) r[0], (Instant) r[1]);
    }
    return out;
  }

  /**
   * {@code SELECT columns FROM table WHERE key IN (ids) AND where}, {@code args} binding the marks of {@code where}:
   * one query per {@value #IN_CHUNK} ids (PostgreSQL: one index lookup per id, {@code EntryStorePostgres#byKeys}).
   */
  private static <T> List<T> byIds(Connection c, String columns, String table, String key, String where,
      java.util.Collection<String> keys, Jdbc.Row<T> row, Object... args) throws SQLException {
    List<T> out = new java.util.ArrayList<>();
    List<String> ids = new java.util.ArrayList<>(keys);
    boolean pg = Jdbc.isPostgres(c);
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      List<Object> bound = new java.util.ArrayList<>();
      if (pg) {
        bound.add(EntryStorePostgres.keys(c, chunk));
      } else {
        bound.addAll(chunk);
      }
      bound.addAll(List.of(args));
      out.addAll(Jdbc.list(c, pg ? EntryStorePostgres.byKeys(columns, table, key, where)
          : "SELECT " + columns + " FROM " + table + " WHERE " + key + " IN (" + Jdbc.marks(chunk.size()) + ") AND "
              + where, pg, row, bound.toArray()));
    }
    return out;
  }

  /**
   * Creates the passes' use rows where missing and locks them until the transaction ends, in the order given
   * (callers pass them sorted, one global order, so concurrent batches never deadlock): two JDBC batches
   * (PostgreSQL: one {@code INSERT ... ON CONFLICT DO UPDATE}).
   */
  public void lockPasses(Connection c, java.util.Collection<String> sortedPassIds, Instant now) throws SQLException {
    if (Jdbc.isPostgres(c)) {
      EntryStorePostgres.lockPasses(c, sortedPassIds, now);
      return;
    }
    try (PreparedStatement ins = c.prepareStatement(
        "INSERT INTO pass_use(pass_id, entries, exits) VALUES (?,0,0) ON CONFLICT DO NOTHING")) {
      for (String id : sortedPassIds) {
        ins.setString(1, id);
        ins.addBatch();
      }
      ins.executeBatch();
    }
    try (PreparedStatement lock = c.prepareStatement("UPDATE pass_use SET last_event_at=? WHERE pass_id=?")) {
      for (String id : sortedPassIds) {
        lock.setLong(1, now.toEpochMilli());
        lock.setString(2, id);
        lock.addBatch();
      }
      lock.executeBatch();
    }
  }

  /**
   * What a pass's stored events add up to: its admissions that stand and count against its allowance, in time order
   * — admitted IN events, less those a {@code NOT_PASSED} gave back, less those already recorded as over-use
   * conflicts (a recorded conflict is final, so a pass's history of conflicts is not read again at every upload).
   */
  public record PassEvents(List<Admission> admissions) {}

  /**
   * The standing admissions of each pass ({@link PassEvents}), read with one query per {@value #IN_CHUNK} passes
   * (passes without events are absent; PostgreSQL: one index lookup per pass, see
   * {@code EntryStorePostgres#byKeys}). Read under the pass locks, this sees every committed event of those passes.
   */
  public java.util.Map<String, PassEvents> passEvents(Connection c, java.util.Collection<String> passIds)
      throws SQLException {
    java.util.Map<String, PassEvents> out = new java.util.HashMap<>();
    boolean pg = Jdbc.isPostgres(c);
    List<String> ids = new java.util.ArrayList<>(passIds);
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      String columns = "pass_id, event_id, device_id, gate_id, zone_id, corrected_time, status, reason";
      String events = "((verdict='ADMIT' AND direction='IN' AND (status IS NULL OR status <> 'OVERUSE_CONFLICT'))"
          + " OR reason=?)";
      String sql = (pg ? EntryStorePostgres.byKeys(columns, "entry_event", "pass_id", events)
          : "SELECT " + columns + " FROM entry_event WHERE pass_id IN (" + Jdbc.marks(chunk.size()) + ") AND " + events)
          + " ORDER BY pass_id, corrected_time, event_id";
      java.util.Map<String, List<Admission>> rows = new java.util.LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int p = 1;
        if (pg) {
          Jdbc.planEveryTime(ps);
          ps.setArray(p++, EntryStorePostgres.keys(c, chunk));
        } else {
          for (String id : chunk) {
            ps.setString(p++, id);
          }
        }
        ps.setString(p, NOT_PASSED);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String passId = rs.getString(1);
            String reason = rs.getString(8);
            rows.computeIfAbsent(passId, k -> new java.util.ArrayList<>()).add(new Admission(rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                NOT_PASSED.equals(reason) ? NOT_PASSED : rs.getString(7)));
          }
        }
      }
      for (java.util.Map.Entry<String, List<Admission>> r : rows.entrySet()) {
        out.put(r.getKey(), new PassEvents(standing(r.getValue())));
      }
    }
    return out;
  }

  /**
   * Writes the counters of the (locked) passes: entries and first entry recomputed from {@code events} (zero for a
   * pass without any), exits counted up by {@code newExits} (this upload's). One JDBC batch (PostgreSQL: one
   * upsert).
   */
  public void updateUse(Connection c, java.util.Collection<String> passIds, java.util.Map<String, PassEvents> events,
      java.util.Map<String, Integer> newExits, Instant now) throws SQLException {
    if (Jdbc.isPostgres(c)) {
      EntryStorePostgres.updateUse(c, passIds, events, newExits, now);
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE pass_use SET entries=?, exits=exits+?, first_entry_at=?, last_event_at=? WHERE pass_id=?")) {
      for (String id : passIds) {
        PassEvents e = events.getOrDefault(id, new PassEvents(List.of()));
        ps.setInt(1, e.admissions().size());
        ps.setInt(2, newExits.getOrDefault(id, 0));
        ps.setObject(3, e.admissions().isEmpty() ? null : e.admissions().get(0).time().toEpochMilli(),
            java.sql.Types.BIGINT);
        ps.setLong(4, now.toEpochMilli());
        ps.setString(5, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The issued passes among {@code passIds}, by id (one query per {@value #IN_CHUNK}). */
  public java.util.Map<String, PassRecord> issuedPasses(Connection c, java.util.Collection<String> passIds)
      throws SQLException {
    java.util.Map<String, PassRecord> out = new java.util.HashMap<>();
    List<String> ids = new java.util.ArrayList<>(passIds);
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      List<PassRecord> found = Jdbc.isPostgres(c)
          ? Jdbc.list(c, EntryStorePostgres.byKeys(PASS_COLUMNS, "pass", "pass_id", "TRUE"), true, EntryStore::pass,
              EntryStorePostgres.keys(c, chunk))
          : Jdbc.list(c, PASS_SELECT + " WHERE pass_id IN (" + Jdbc.marks(chunk.size()) + ")", EntryStore::pass,
              chunk.toArray());
      for (PassRecord p : found) {
        out.put(p.passId(), p);
      }
    }
    return out;
  }

  /**
   * Moves the bookings still CONFIRMED to REDEEMED (the compare-and-set of {@code BookingStore.transition}, one JDBC
   * batch, in the order given; PostgreSQL: one statement locking them in uuid order) and returns those this call
   * moved.
   */
  public java.util.Set<String> redeemBookings(Connection c, java.util.Collection<String> uuids, Instant now)
      throws SQLException {
    if (Jdbc.isPostgres(c)) {
      return EntryStorePostgres.redeemBookings(c, uuids, now);
    }
    java.util.Set<String> moved = new java.util.HashSet<>();
    List<String> ids = new java.util.ArrayList<>(uuids);
    try (PreparedStatement ps = c.prepareStatement("UPDATE booking SET status='REDEEMED', updated_at=?,"
        + " redeemed_at=? WHERE uuid=? AND status='CONFIRMED'")) {
      for (String id : ids) {
        ps.setLong(1, now.toEpochMilli());
        ps.setLong(2, now.toEpochMilli());
        ps.setString(3, id);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
          throw new SQLException("the driver did not report per-row update counts");
        }
        if (counts[i] > 0) {
          moved.add(ids.get(i));
        }
      }
    }
    return moved;
  }

  /** The passes of these bookings, by booking, each list ordered by pass id (one query per {@value #IN_CHUNK}). */
  public java.util.Map<String, List<PassRecord>> passesOfBookings(Connection c, java.util.Collection<String> uuids)
      throws SQLException {
    java.util.Map<String, List<PassRecord>> out = new java.util.HashMap<>();
    List<String> ids = new java.util.ArrayList<>(uuids);
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      List<PassRecord> found = Jdbc.isPostgres(c)
          ? Jdbc.list(c, EntryStorePostgres.byKeys(PASS_COLUMNS, "pass", "booking_uuid", "TRUE")
              + " ORDER BY booking_uuid, pass_id", true, EntryStore::pass, EntryStorePostgres.keys(c, chunk))
          : Jdbc.list(c, PASS_SELECT + " WHERE booking_uuid IN (" + Jdbc.marks(chunk.size())
              + ") ORDER BY booking_uuid, pass_id", EntryStore::pass, chunk.toArray());
      for (PassRecord p : found) {
        out.computeIfAbsent(p.bookingUuid(), k -> new java.util.ArrayList<>()).add(p);
      }
    }
    return out;
  }

  private static final String PASS_COLUMNS = "pass_id, booking_uuid, key_id, pass_text, party_size, valid_from,"
      + " valid_until, revoked, issued_at";
  private static final String PASS_SELECT = "SELECT " + PASS_COLUMNS + " FROM pass";

  private static PassRecord pass(java.sql.ResultSet rs) throws SQLException {
    return new PassRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)), rs.getBoolean(8),
        Instant.ofEpochMilli(rs.getLong(9)));
  }


  /** Drops, for each {@code NOT_PASSED} row, the latest earlier admission of the same device. */
  private static List<Admission> standing(List<Admission> rows) {
    List<Admission> standing = new java.util.ArrayList<>();
    for (Admission a : rows) {
      if (!NOT_PASSED.equals(a.status())) {
        standing.add(a);
        continue;
      }
      for (int i = standing.size() - 1; i >= 0; i--) {
        if (standing.get(i).deviceId().equals(a.deviceId())) {
          standing.remove(i);
          break;
        }
      }
    }
    return standing;
  }

  /** The pass's admitted entries count (0 when it was never used). */
  public int entries(Connection c, String passId) throws SQLException {
    return Jdbc.one(c, "SELECT entries FROM pass_use WHERE pass_id=?", rs -> rs.getInt(1), passId).orElse(0);
  }

  /**
   * Records over-use conflicts found by one upload, in the order given: their events' status and message (one JDBC
   * batch), then the conflict rows (one JDBC batch; an event already recorded is skipped).
   */
  public void recordConflicts(Connection c, List<Conflict> conflicts, List<String> messages) throws SQLException {
    List<Object[]> statuses = new java.util.ArrayList<>(conflicts.size());
    List<Object[]> rows = new java.util.ArrayList<>(conflicts.size());
    for (int i = 0; i < conflicts.size(); i++) {
      Conflict k = conflicts.get(i);
      statuses.add(new Object[] {"OVERUSE_CONFLICT", messages.get(i), k.eventId()});
      rows.add(new Object[] {k.eventId(), k.passId(), k.deviceId(), k.gateId(), k.entryTime().toEpochMilli(),
          k.priorEventId(), k.priorGateId(), BookingStore.millis(k.priorEntryTime()), k.allowed(),
          k.detectedAt().toEpochMilli()});
    }
    Jdbc.batch(c, "UPDATE entry_event SET status=?, message=? WHERE event_id=?", statuses);
    Jdbc.batch(c, INSERT_CONFLICT, rows);
  }

  private static final String INSERT_CONFLICT = "INSERT INTO overuse_conflict(event_id, pass_id, device_id, gate_id,"
      + " entry_time, prior_event_id, prior_gate_id, prior_entry_time, allowed, detected_at) VALUES"
      + " (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";

  public List<Conflict> conflicts(Connection c, int limit) throws SQLException {
    return Jdbc.list(c, "SELECT * FROM overuse_conflict ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
        rs -> new Conflict(rs.getLong("id"), rs.getString("event_id"), rs.getString("pass_id"),
            rs.getString("device_id"), rs.getString("gate_id"), BookingStore.instant(rs, "entry_time"),
            rs.getString("prior_event_id"), rs.getString("prior_gate_id"), BookingStore.instant(rs, "prior_entry_time"),
            rs.getInt("allowed"), BookingStore.instant(rs, "detected_at")));
  }

  public long count(Connection c) throws SQLException {
    return Jdbc.one(c, "SELECT COUNT(*) FROM entry_event", rs -> rs.getLong(1)).orElse(0L);
  }

  /** Stores readings (history) and keeps the latest value per device, sensor and kind. */
  public void telemetry(Connection c, List<Reading> readings, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry(device_id, sensor, kind, reading_value,"
        + " unit, detail, reading_time, received_at) VALUES (?,?,?,?,?,?,?,?)")) {
      for (Reading r : readings) {
        ps.setString(1, r.deviceId());
        ps.setString(2, r.sensor());
        ps.setString(3, r.kind());
        ps.setDouble(4, r.value());
        ps.setString(5, r.unit());
        ps.setString(6, r.detail());
        ps.setLong(7, r.time().toEpochMilli());
        ps.setLong(8, now.toEpochMilli());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    for (Reading r : readings) {
      int n = Jdbc.update(c, "UPDATE telemetry_latest SET reading_value=?, unit=?, detail=?, reading_time=?"
          + " WHERE device_id=? AND sensor=? AND kind=? AND reading_time <= ?", r.value(), r.unit(), r.detail(),
          r.time().toEpochMilli(), r.deviceId(), r.sensor(), r.kind(), r.time().toEpochMilli());
      if (n == 0) {
        Jdbc.update(c, "INSERT INTO telemetry_latest(device_id, sensor, kind, reading_value, unit, detail,"
            + " reading_time) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", r.deviceId(), r.sensor(), r.kind(),
            r.value(), r.unit(), r.detail(), r.time().toEpochMilli());
      }
    }
  }

  /** Latest reading per device, sensor and kind (all devices when {@code deviceId} is null). */
  public List<Reading> latestTelemetry(Connection c, String deviceId) throws SQLException {
    if (deviceId == null) {
      return Jdbc.list(c, "SELECT * FROM telemetry_latest ORDER BY device_id, sensor, kind", EntryStore::reading);
    }
    return Jdbc.list(c, "SELECT * FROM telemetry_latest WHERE device_id=? ORDER BY sensor, kind", EntryStore::reading,
        deviceId);
  }

  /** A device's readings since {@code from}, oldest first, at most {@code limit}. */
  public List<Reading> telemetryHistory(Connection c, String deviceId, Instant from, int limit) throws SQLException {
    return Jdbc.list(c, "SELECT * FROM telemetry WHERE device_id=? AND reading_time >= ? ORDER BY reading_time, id"
        + " FETCH FIRST " + limit + " ROWS ONLY", EntryStore::reading, deviceId, from.toEpochMilli());
  }

  private static Reading reading(java.sql.ResultSet rs) throws SQLException {
    return new Reading(rs.getString("device_id"), rs.getString("sensor"), rs.getString("kind"),
        rs.getDouble("reading_value"), rs.getString("unit"), rs.getString("detail"),
        Instant.ofEpochMilli(rs.getLong("reading_time")));
  }
}
