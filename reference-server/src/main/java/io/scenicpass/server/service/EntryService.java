package io.scenicpass.server.service;

import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.core.Claims;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.core.wire.TelemetryBatch;
import io.scenicpass.core.wire.TelemetryReading;
import io.scenicpass.server.store.Booking;
import io.scenicpass.server.store.BookingStore;
import io.scenicpass.server.store.CatalogueStore;
import io.scenicpass.server.store.ChannelStore;
import io.scenicpass.server.store.Database;
import io.scenicpass.server.store.DeviceStore.DeviceRow;
import io.scenicpass.server.store.EntryStore;
import io.scenicpass.server.store.EntryStore.Admission;
import io.scenicpass.server.store.InventoryStore;
import io.scenicpass.server.store.PassRecord;
import io.scenicpass.server.store.PassStore;
import io.scenicpass.server.store.RevocationFeedStore;
import io.scenicpass.server.store.Unit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry ingestion: idempotent by event id (the primary key of {@code entry_event}), answered per event;
 * admissions update the pass's use count (the {@code pass_use} row lock serialises one pass across devices
 * and server processes); an admission beyond the pass's allowance — in time order, so the LATER one — is an
 * over-use conflict, recorded for the operator and answered OVERUSE_CONFLICT; the first admission of a pass
 * moves its booking to REDEEMED and enqueues the channel's BOOKING_REDEEMED webhook in the same transaction.
 * Also telemetry and the online check.
 */
public final class EntryService {
  /** Most events in one upload. */
  public static final int MAX_BATCH = 5000;
  public static final int MAX_TELEMETRY = 5000;

  private final Database db;
  private final EntryStore entries;
  private final PassStore passes;
  private final BookingStore bookings;
  private final ChannelStore channels;
  private final CatalogueStore catalogue;
  private final InventoryStore inventory;
  private final RevocationFeedStore feeds;
  private final WebhookService webhooks;
  private final KeyService keys;
  private final Clock clock;
  private final String areaId;

  public EntryService(Database db, EntryStore entries, PassStore passes, BookingStore bookings, ChannelStore channels,
      CatalogueStore catalogue, InventoryStore inventory, RevocationFeedStore feeds, WebhookService webhooks,
      KeyService keys, Clock clock, String areaId) {
    this.db = db;
    this.entries = entries;
    this.passes = passes;
    this.bookings = bookings;
    this.channels = channels;
    this.catalogue = catalogue;
    this.inventory = inventory;
    this.feeds = feeds;
    this.webhooks = webhooks;
    this.keys = keys;
    this.clock = clock;
    this.areaId = areaId;
  }

  /** Ingests one batch of a device; one ack item per event, in the order sent. */
  public EntryAck ingest(DeviceRow device, EntryBatch batch) {
    if (batch == null || batch.events() == null) {
      throw new ServiceException(Problem.BAD_REQUEST, "events are required");
    }
    List<EntryEvent> events = batch.events();
    if (events.size() > MAX_BATCH) {
      throw new ServiceException(Problem.PAYLOAD_TOO_LARGE, "at most " + MAX_BATCH + " events per batch");
    }
    Instant now = clock.instant();
    Map<Integer, EntryAckItem> acks = new HashMap<>();
    // Lock passes in one global order (pass id) so concurrent batches never deadlock.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> events.get(i) == null || events.get(i).passId() == null ? ""
        : events.get(i).passId()));
    db.tx(c -> {
      for (int i : order) {
        acks.put(i, one(c, device, events.get(i), now));
      }
      return null;
    });
    List<EntryAckItem> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      out.add(acks.get(i));
    }
    return new EntryAck(out);
  }

  private EntryAckItem one(Connection c, DeviceRow device, EntryEvent e, Instant now) throws SQLException {
    if (e == null || e.eventId() == null || e.eventId().isBlank() || e.eventId().length() > 64) {
      return new EntryAckItem(e == null ? null : e.eventId(), EntryAckStatus.REJECTED,
          "eventId is required (at most 64 characters)");
    }
    String problem = invalid(e);
    Instant time = e.correctedTime() != null ? e.correctedTime() : e.deviceTime() != null ? e.deviceTime() : now;
    String gate = e.gateId() != null ? clip(e.gateId(), 64) : device.gateId();
    EntryStore.EntryRow row = new EntryStore.EntryRow(e.eventId(), device.id(), gate, clip(e.zoneId(), 64),
        problem == null ? e.passId() : null, e.direction() == null ? null : e.direction().name(),
        e.credentialType() == null ? null : e.credentialType().name(), e.verdict() == null ? null : e.verdict().name(),
        clip(e.reason(), 60), e.deviceTime(), time, e.offline(), Math.max(1, e.partyCount()),
        problem == null ? EntryAckStatus.ACCEPTED.name() : EntryAckStatus.REJECTED.name(), problem, now);
    if (!entries.insert(c, row)) {
      return new EntryAckItem(e.eventId(), EntryAckStatus.DUPLICATE, "already received");
    }
    if (problem != null) {
      return new EntryAckItem(e.eventId(), EntryAckStatus.REJECTED, problem);
    }
    if (e.passId() != null && EntryStore.NOT_PASSED.equals(e.reason())) {
      entries.lockPass(c, e.passId()); // an admission given back: the pass's count goes down again
      entries.recount(c, e.passId(), now);
      return new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null);
    }
    if (e.passId() == null || e.verdict() != Verdict.ADMIT) {
      return new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null);
    }
    entries.lockPass(c, e.passId());
    entries.recount(c, e.passId(), now);
    Optional<PassRecord> pass = passes.find(c, e.passId());
    if (pass.isEmpty()) {
      return new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, "pass not issued by this server");
    }
    if (e.direction() != io.scenicpass.core.Direction.IN) {
      return new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null);
    }
    String conflict = checkOveruse(c, pass.get(), e.eventId(), now);
    redeem(c, pass.get(), now);
    if (conflict != null) {
      return new EntryAckItem(e.eventId(), EntryAckStatus.OVERUSE_CONFLICT, conflict);
    }
    return new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null);
  }

  /**
   * Replays the pass's admissions in time order against its allowance (total, single-entry policy, per zone).
   * Admissions beyond it are conflicts (recorded once); returns the message when {@code eventId} is one.
   */
  private String checkOveruse(Connection c, PassRecord pass, String eventId, Instant now) throws SQLException {
    Claims claims;
    try {
      claims = PassCodec.decode(pass.passText()).claims();
    } catch (ScenicPassException ex) {
      return null;
    }
    int total = claims.reentry() == ReentryPolicy.SINGLE ? 1 : claims.entriesAllowed();
    if (claims.entriesAllowed() > 0) {
      total = total == 0 ? claims.entriesAllowed() : Math.min(total, claims.entriesAllowed());
    }
    Map<String, Integer> zoneCaps = new HashMap<>();
    for (ZoneAllowance z : claims.zones()) {
      if (z.entries() > 0) {
        zoneCaps.put(z.zoneId(), z.entries());
      }
    }
    List<Admission> all = entries.admissions(c, pass.passId());
    List<Admission> counted = new ArrayList<>();
    Map<String, Integer> perZone = new HashMap<>();
    String mine = null;
    for (Admission a : all) {
      boolean over = total > 0 && counted.size() >= total;
      Integer zc = a.zoneId() == null ? null : zoneCaps.get(a.zoneId());
      if (zc != null && perZone.getOrDefault(a.zoneId(), 0) >= zc) {
        over = true;
      }
      if (over) {
        Admission prior = counted.isEmpty() ? null : counted.get(counted.size() - 1);
        String msg = "pass " + pass.passId() + " was already admitted" + (prior == null ? ""
            : " at gate " + prior.gateId() + " at " + prior.time()) + " (allowance " + Math.max(total, 1) + ")";
        if (!EntryAckStatus.OVERUSE_CONFLICT.name().equals(a.status())) {
          entries.setStatus(c, a.eventId(), EntryAckStatus.OVERUSE_CONFLICT.name(), msg);
          entries.insertConflict(c, new EntryStore.Conflict(0, a.eventId(), pass.passId(), a.deviceId(), a.gateId(),
              a.time(), prior == null ? null : prior.eventId(), prior == null ? null : prior.gateId(),
              prior == null ? null : prior.time(), Math.max(total, 1), now));
        }
        if (a.eventId().equals(eventId)) {
          mine = msg;
        }
      } else {
        counted.add(a);
        if (a.zoneId() != null) {
          perZone.merge(a.zoneId(), 1, Integer::sum);
        }
      }
    }
    return mine;
  }

  /** First admission: CONFIRMED → REDEEMED and the channel's BOOKING_REDEEMED webhook, in this transaction. */
  private void redeem(Connection c, PassRecord pass, Instant now) throws SQLException {
    Optional<Booking> b = bookings.find(c, pass.bookingUuid());
    if (b.isEmpty() || !"CONFIRMED".equals(b.get().status())) {
      return;
    }
    if (!bookings.transition(c, b.get().uuid(), "CONFIRMED", "REDEEMED", now)) {
      return;
    }
    Booking after = bookings.find(c, b.get().uuid()).orElseThrow();
    var product = catalogue.product(c, after.productId()).orElse(null);
    var slot = inventory.slot(c, after.slotId()).orElse(null);
    var channel = channels.find(c, after.channelId()).orElse(null);
    if (product == null || slot == null || channel == null) {
      return;
    }
    Map<String, Unit> units = new HashMap<>();
    for (Unit u : catalogue.units(c, after.optionId())) {
      units.put(u.id(), u);
    }
    webhooks.enqueue(c, channel, WebhookEventType.BOOKING_REDEEMED, OctoViews.booking(after, slot, product,
        passes.byBooking(c, after.uuid()), units, false, true));
  }

  private static String invalid(EntryEvent e) {
    if (e.verdict() == null) {
      return "verdict is required";
    }
    if (e.direction() == null) {
      return "direction is required";
    }
    if (e.passId() != null && (e.passId().isBlank() || e.passId().length() > 64)) {
      return "passId must be 1..64 characters";
    }
    if (e.correctedTime() == null && e.deviceTime() == null) {
      return "correctedTime or deviceTime is required";
    }
    return null;
  }

  /** Stores a telemetry batch of a device (history + latest per sensor). */
  public int telemetry(DeviceRow device, TelemetryBatch batch) {
    if (batch == null || batch.readings() == null) {
      throw new ServiceException(Problem.BAD_REQUEST, "readings are required");
    }
    if (batch.readings().size() > MAX_TELEMETRY) {
      throw new ServiceException(Problem.PAYLOAD_TOO_LARGE, "at most " + MAX_TELEMETRY + " readings per batch");
    }
    Instant now = clock.instant();
    List<EntryStore.Reading> rows = new ArrayList<>();
    for (TelemetryReading r : batch.readings()) {
      if (r == null || r.kind() == null || r.sensor() == null || r.sensor().isBlank()) {
        throw new ServiceException(Problem.BAD_REQUEST, "every reading needs sensor and kind");
      }
      if (Double.isNaN(r.value()) || Double.isInfinite(r.value())) {
        throw new ServiceException(Problem.BAD_REQUEST, "reading values must be finite numbers");
      }
      rows.add(new EntryStore.Reading(device.id(), clip(r.sensor(), 100), r.kind().name(), r.value(),
          clip(r.unit(), 20), clip(r.detail(), 400), r.time() == null ? now : r.time()));
    }
    db.tx(c -> {
      entries.telemetry(c, rows, now);
      return null;
    });
    return rows.size();
  }

  public List<EntryStore.Reading> latestTelemetry(String deviceId) {
    return db.read(c -> entries.latestTelemetry(c, deviceId));
  }

  public List<EntryStore.Reading> telemetryHistory(String deviceId, Instant from, int limit) {
    return db.read(c -> entries.telemetryHistory(c, deviceId, from, Math.max(1, Math.min(limit, 10_000))));
  }

  /** Stored entry events for the operator, newest first (filters may be null). */
  public List<EntryStore.EntryRow> list(String deviceId, String passId, String gateId, int limit) {
    return db.read(c -> entries.list(c, deviceId, passId, gateId, Math.max(1, Math.min(limit, 10_000))));
  }

  public List<EntryStore.Conflict> conflicts(int limit) {
    return db.read(c -> entries.conflicts(c, Math.max(1, Math.min(limit, 10_000))));
  }

  /**
   * Answers a gate's online check for a pass: signature and key, area, revocation, validity window (with the
   * default tolerances) and the entries already recorded. Does not record an entry: that arrives in a batch
   * with the same event id.
   */
  public OnlineCheckResponse onlineCheck(OnlineCheckRequest req, Duration early, Duration late) {
    if (req == null || req.passText() == null || req.passText().isBlank()) {
      throw new ServiceException(Problem.BAD_REQUEST, "passText is required");
    }
    Instant now = clock.instant();
    Pass pass;
    try {
      KeySet ks = keys.signedKeySet().verify(keys.root().publicKey());
      pass = new PassVerifier(ks).decodeAndVerify(req.passText(), now);
    } catch (ScenicPassException e) {
      return new OnlineCheckResponse(Verdict.DENY, e.code().name());
    }
    Claims cl = pass.claims();
    if (!areaId.equals(cl.issuerId())) {
      return new OnlineCheckResponse(Verdict.DENY, "WRONG_AREA");
    }
    boolean revoked = db.read(c -> feeds.revoked(c, cl.passId()));
    if (revoked) {
      return new OnlineCheckResponse(Verdict.DENY, "REVOKED");
    }
    if (now.isBefore(cl.validFrom().minus(early))) {
      return new OnlineCheckResponse(Verdict.DENY, "NOT_YET_VALID");
    }
    if (!now.isBefore(cl.validUntil().plus(late))) {
      return new OnlineCheckResponse(Verdict.DENY, "EXPIRED");
    }
    int used = db.read(c -> entries.entries(c, cl.passId()));
    if (req.direction() != io.scenicpass.core.Direction.OUT) {
      if (cl.reentry() == ReentryPolicy.SINGLE && used >= 1) {
        return new OnlineCheckResponse(Verdict.DENY, "ALREADY_ENTERED");
      }
      if (cl.entriesAllowed() > 0 && used >= cl.entriesAllowed()) {
        return new OnlineCheckResponse(Verdict.DENY, cl.entriesAllowed() == 1 ? "ALREADY_ENTERED" : "NO_ENTRIES_LEFT");
      }
    }
    return new OnlineCheckResponse(Verdict.ADMIT, "OK");
  }

  private static String clip(String s, int max) {
    return s == null ? null : s.length() > max ? s.substring(0, max) : s;
  }
}
