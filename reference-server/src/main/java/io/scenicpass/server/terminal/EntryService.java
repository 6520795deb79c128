package io.scenicpass.server.terminal;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.core.Claims;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.core.wire.TelemetryBatch;
import io.scenicpass.core.wire.TelemetryReading;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.EntryStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.terminal.store.RevocationFeedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
  private final RevocationFeedStore feeds;
  private final KeyService keys;
  private final Clock clock;
  private final String areaId;
  private final EntryIngestion ingestion;

  public EntryService(Database db, EntryStore entries, PassStore passes, BookingStore bookings, ChannelStore channels,
      CatalogueStore catalogue, InventoryStore inventory, RevocationFeedStore feeds, WebhookService webhooks,
      KeyService keys, Clock clock, String areaId) {
    this.db = db;
    this.entries = entries;
    this.feeds = feeds;
    this.keys = keys;
    this.clock = clock;
    this.areaId = areaId;
    this.ingestion = new EntryIngestion(entries, bookings, channels, catalogue, inventory, webhooks);
  }

  /**
   * Ingests one batch of a device; one ack item per event, in the order sent. A repeated event id within the
   * batch is answered DUPLICATE after its first occurrence; the rest is stored in one transaction (see
   * {@code EntryIngestion}).
   */
  public EntryAck ingest(DeviceRow device, EntryBatch batch) {
    if (batch == null || batch.events() == null) {
      throw new ServiceException(Problem.BAD_REQUEST, "events are required");
    }
    List<EntryEvent> events = batch.events();
    if (events.size() > MAX_BATCH) {
      throw new ServiceException(Problem.PAYLOAD_TOO_LARGE, "at most " + MAX_BATCH + " events per batch");
    }
    Instant now = clock.instant();
    EntryAckItem[] acks = new EntryAckItem[events.size()];
    List<EntryIngestion.Candidate> candidates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < events.size(); i++) {
      EntryEvent e = events.get(i);
      if (e == null || e.eventId() == null || e.eventId().isBlank() || e.eventId().length() > 64) {
        acks[i] = new EntryAckItem(e == null ? null : e.eventId(), EntryAckStatus.REJECTED,
            "eventId is required (at most 64 characters)");
      } else if (!seen.add(e.eventId())) {
        acks[i] = new EntryAckItem(e.eventId(), EntryAckStatus.DUPLICATE, "already received");
      } else {
        String problem = invalid(e);
        candidates.add(new EntryIngestion.Candidate(i, e, row(device, e, problem, now), problem));
      }
    }
    if (!candidates.isEmpty()) {
      db.tx(c -> {
        ingestion.run(c, candidates, acks, now);
        return null;
      });
    }
    return new EntryAck(List.of(acks));
  }

  private static EntryStore.EntryRow row(DeviceRow device, EntryEvent e, String problem, Instant now) {
    Instant time = e.correctedTime() != null ? e.correctedTime() : e.deviceTime() != null ? e.deviceTime() : now;
    String gate = e.gateId() != null ? clip(e.gateId(), 64) : device.gateId();
    return new EntryStore.EntryRow(e.eventId(), device.id(), gate, clip(e.zoneId(), 64),
        problem == null ? e.passId() : null, e.direction() == null ? null : e.direction().name(),
        e.credentialType() == null ? null : e.credentialType().name(), e.verdict() == null ? null : e.verdict().name(),
        clip(e.reason(), 60), e.deviceTime(), time, e.offline(), Math.max(1, e.partyCount()),
        problem == null ? EntryAckStatus.ACCEPTED.name() : EntryAckStatus.REJECTED.name(), problem, now);
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
