package io.scenicpass.server.store;

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

  public void setStatus(Connection c, String eventId, String status, String message) throws SQLException {
    Jdbc.update(c, "UPDATE entry_event SET status=?, message=? WHERE event_id=?", status, message, eventId);
  }

  /** Creates the pass's use row if missing and locks it until the transaction ends. */
  public void lockPass(Connection c, String passId) throws SQLException {
    Jdbc.update(c, "INSERT INTO pass_use(pass_id, entries, exits) VALUES (?,0,0) ON CONFLICT DO NOTHING", passId);
    Jdbc.one(c, "SELECT pass_id FROM pass_use WHERE pass_id=? FOR UPDATE", rs -> rs.getString(1), passId);
  }

  /**
   * Recomputes the pass's counters from its stored events. A {@code NOT_PASSED} event (the visitor was admitted
   * but never went through the turnstile) gives its admission back, so it does not count as an entry.
   */
  public void recount(Connection c, String passId, Instant now) throws SQLException {
    List<Admission> effective = admissions(c, passId);
    Jdbc.update(c, "UPDATE pass_use SET entries=?,"
        + " exits=(SELECT COUNT(*) FROM entry_event WHERE pass_id=? AND verdict='ADMIT' AND direction='OUT'),"
        + " first_entry_at=?, last_event_at=? WHERE pass_id=?", effective.size(), passId,
        effective.isEmpty() ? null : effective.get(0).time().toEpochMilli(), now.toEpochMilli(), passId);
  }

  /**
   * Admitted IN events of a pass that stand, in time order (ties by event id): each {@code NOT_PASSED} event
   * cancels the latest earlier admission of the same pass on the same device.
   */
  public List<Admission> admissions(Connection c, String passId) throws SQLException {
    List<Admission> rows = Jdbc.list(c, "SELECT event_id, device_id, gate_id, zone_id, corrected_time, status, reason"
        + " FROM entry_event WHERE pass_id=? AND ((verdict='ADMIT' AND direction='IN') OR reason=?)"
        + " ORDER BY corrected_time, event_id",
        rs -> new Admission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Instant.ofEpochMilli(rs.getLong(5)), NOT_PASSED.equals(rs.getString(7)) ? NOT_PASSED : rs.getString(6)),
        passId, NOT_PASSED);
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

  public void insertConflict(Connection c, Conflict k) throws SQLException {
    Jdbc.update(c, "INSERT INTO overuse_conflict(event_id, pass_id, device_id, gate_id, entry_time, prior_event_id,"
        + " prior_gate_id, prior_entry_time, allowed, detected_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
        k.eventId(), k.passId(), k.deviceId(), k.gateId(), k.entryTime().toEpochMilli(), k.priorEventId(),
        k.priorGateId(), BookingStore.millis(k.priorEntryTime()), k.allowed(), k.detectedAt().toEpochMilli());
  }

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
