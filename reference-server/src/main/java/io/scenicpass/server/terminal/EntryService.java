package io.scenicpass.server.terminal;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckReason;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.TelemetryBatch;
import io.scenicpass.core.wire.TelemetryReading;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.terminal.store.ConflictStore;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.EntryEventStore;
import io.scenicpass.server.terminal.store.EntryStores;
import io.scenicpass.server.terminal.store.TelemetryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry ingestion: idempotent by event id (the primary key of {@code entry_event}), answered per event;
 * admissions update the pass's use count (the {@code pass_use} row lock serialises one pass across devices
 * and server processes); an admission that finds the pass's allowance already used by admissions the server has
 * acknowledged — whatever their decision times — is an over-use conflict, recorded for the operator and answered
 * OVERUSE_CONFLICT to the device that uploaded it (an acknowledged ACCEPTED stays so); events must belong to the
 * device's lane (gate, zone, direction) or are REJECTED with a reason code; the first admission of a pass
 * moves its booking to REDEEMED and enqueues the channel's BOOKING_REDEEMED webhook in the same transaction.
 * Also telemetry; the online claim ({@link OnlineClaims}) stores its event through {@link #store}.
 */
public final class EntryService {
    /** Most events in one upload. */
    public static final int MAX_BATCH = 5000;

    public static final int MAX_TELEMETRY = 5000;
    /** Most people one event may admit (a group pass's party passes in one event). */
    public static final int MAX_PARTY = 1000;

    private final Database db;
    private final EntryStores entries;
    private final Clock clock;
    private final EntryIngestion ingestion;
    private final SiteStore site = new SiteStore();
    private final Refusals refusals = new Refusals();

    public EntryService(
            Database db,
            EntryStores entries,
            PassStore passes,
            BookingStore bookings,
            ChannelStore channels,
            CatalogueStore catalogue,
            InventoryStore inventory,
            WebhookService webhooks,
            KeyService keys,
            Clock clock) {
        this.db = db;
        this.entries = entries;
        this.clock = clock;
        this.ingestion = new EntryIngestion(
                entries, passes, bookings, channels, catalogue, inventory, webhooks, keys.codes(), refusals::count);
    }

    /**
     * Ingests one batch of a device; one ack item per event, in the order sent. A repeated event id within the
     * batch is answered DUPLICATE after its first occurrence; the rest is checked against the device's lane (its
     * gate, and for events that count — admissions and NOT_PASSED — the gate's zone and direction) and stored in one
     * transaction (see {@code EntryIngestion}). Events another gate of the site decided and this one relays (learnt
     * on the LAN while the cloud was down, see {@link RelayedEvents}) are checked and stored as their deciding
     * device's, so an entry uploaded by several gates is stored once and answered DUPLICATE to the later ones.
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
        List<Integer> toStore = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            EntryEvent e = events.get(i);
            if (e == null
                    || e.eventId() == null
                    || e.eventId().isBlank()
                    || e.eventId().length() > 64) {
                acks[i] = new EntryAckItem(
                        e == null ? null : e.eventId(),
                        EntryAckStatus.REJECTED,
                        refusal(EntryAckReason.INVALID_EVENT, "eventId is required (at most 64 characters)"),
                        EntryAckReason.INVALID_EVENT);
                refusals.count(EntryAckReason.INVALID_EVENT);
            } else if (!seen.add(e.eventId())) {
                acks[i] = new EntryAckItem(e.eventId(), EntryAckStatus.DUPLICATE, "already received");
            } else {
                toStore.add(i);
            }
        }
        if (!toStore.isEmpty()) {
            db.tx(c -> {
                for (Map.Entry<DeviceRow, List<Integer>> group :
                        RelayedEvents.byOrigin(c, device, events, toStore).entrySet()) {
                    DeviceRow origin = group.getKey();
                    if (origin.revoked()) {
                        for (int i : group.getValue()) {
                            acks[i] = new EntryAckItem(
                                    events.get(i).eventId(),
                                    EntryAckStatus.REJECTED,
                                    refusal(EntryAckReason.INVALID_EVENT, "relayed event of a revoked device"),
                                    EntryAckReason.INVALID_EVENT);
                            refusals.count(EntryAckReason.INVALID_EVENT);
                        }
                        continue;
                    }
                    store(c, origin, events, group.getValue(), acks, now);
                }
                return null;
            });
        }
        return new EntryAck(List.of(acks));
    }

    /**
     * Checks the events at {@code toStore} (distinct ids), all decided by {@code device}, against its lane and stores
     * them in the caller's transaction, filling {@code acks} at their indexes (the online claim stores its one event
     * this way too; relayed events are stored under the device that decided them).
     */
    void store(
            java.sql.Connection c,
            DeviceRow device,
            List<EntryEvent> events,
            List<Integer> toStore,
            EntryAckItem[] acks,
            Instant now)
            throws java.sql.SQLException {
        Lane lane = lane(c, device);
        List<EntryIngestion.Candidate> candidates = new ArrayList<>(toStore.size());
        for (int i : toStore) {
            EntryEvent e = events.get(i);
            String problem = invalid(e);
            if (problem == null) {
                problem = lane.mismatch(e);
            }
            candidates.add(new EntryIngestion.Candidate(i, e, row(device, lane, e, problem, now), problem));
        }
        ingestion.run(c, device.id(), candidates, acks, now);
        for (int i : toStore) {
            EntryEvent e = events.get(i);
            if (e.faceEnrolment() != null
                    && e.verdict() == Verdict.ADMIT
                    && e.passId() != null
                    && acks[i] != null
                    && (acks[i].status() == EntryAckStatus.ACCEPTED
                            // an online claim stored the event already, without the face captured after it
                            || acks[i].status() == EntryAckStatus.DUPLICATE)) {
                faces.enrolled(c, device, e); // the face captured at a first entry, in the same transaction
            }
        }
    }

    private volatile FaceFeed faces = FaceFeed.NONE;

    /** The face feature enrols the faces entry events bring. */
    public void faces(FaceFeed feed) {
        this.faces = feed;
    }

    /**
     * Events refused for good since this server started, by reason code of {@link EntryAckReason} (a Prometheus
     * counter per reason: {@code scenicpass_entries_refused_total{reason=...}}).
     */
    public Refusals refusals() {
        return refusals;
    }

    /** Per-reason counts of refused events (the re-answers to re-sent refused events are not counted again). */
    public static final class Refusals {
        /** The codes counted (every code the server answers REJECTED with). */
        public static final List<String> REASONS = List.of(
                EntryAckReason.INVALID_EVENT,
                EntryAckReason.GATE_MISMATCH,
                EntryAckReason.ZONE_MISMATCH,
                EntryAckReason.DIRECTION_MISMATCH);

        private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> counts =
                new java.util.concurrent.ConcurrentHashMap<>();

        void count(String reason) {
            counts.computeIfAbsent(reason, r -> new java.util.concurrent.atomic.LongAdder())
                    .increment();
        }

        public long get(String reason) {
            java.util.concurrent.atomic.LongAdder a = counts.get(reason);
            return a == null ? 0 : a.sum();
        }
    }

    /** A stored refusal message: the reason code first, so older gates, which read only the message, log it too. */
    static String refusal(String reason, String text) {
        return reason + ": " + text;
    }

    /** The reason code a stored refusal message starts with ({@link #refusal}); INVALID_EVENT for older rows. */
    static String reasonOf(String message) {
        if (message != null) {
            int colon = message.indexOf(": ");
            if (colon > 0 && Refusals.REASONS.contains(message.substring(0, colon))) {
                return message.substring(0, colon);
            }
        }
        return EntryAckReason.INVALID_EVENT;
    }

    /**
     * The lane a device serves: its enrolled gate and that gate's zone and direction (IN, OUT or BOTH, as the operator
     * configured the gate). Zone and direction are null when the gate record is missing (then only the gate is bound).
     */
    record Lane(String gateId, String zoneId, String direction) {
        /** Why {@code e} does not belong to this lane (a stored refusal message), or null when it does. */
        String mismatch(EntryEvent e) {
            if (e.gateId() != null && !e.gateId().equals(gateId)) {
                return refusal(
                        EntryAckReason.GATE_MISMATCH,
                        "event for gate " + clip(e.gateId(), 64) + " from a device enrolled at gate " + gateId);
            }
            // A DENY records what a visitor attempted (WRONG_ZONE, WRONG_DIRECTION…): only what counts is bound
            // further.
            if (e.verdict() != Verdict.ADMIT && !EntryEventStore.NOT_PASSED.equals(e.reason())) {
                return null;
            }
            if (zoneId != null && e.zoneId() != null && !e.zoneId().equals(zoneId)) {
                return refusal(
                        EntryAckReason.ZONE_MISMATCH,
                        "admission into zone " + clip(e.zoneId(), 64) + " at gate " + gateId + ", which serves zone "
                                + zoneId);
            }
            if (direction != null
                    && !"BOTH".equalsIgnoreCase(direction)
                    && !direction.equalsIgnoreCase(e.direction().name())) {
                return refusal(
                        EntryAckReason.DIRECTION_MISMATCH,
                        e.direction() + " admission at gate " + gateId + ", which is configured "
                                + direction.toUpperCase(java.util.Locale.ROOT));
            }
            return null;
        }
    }

    private Lane lane(java.sql.Connection c, DeviceRow device) throws java.sql.SQLException {
        return site.gate(c, device.gateId())
                .map(g -> new Lane(device.gateId(), g.zoneId(), g.direction()))
                .orElse(new Lane(device.gateId(), null, null));
    }

    /** The stored row: the device's own gate (the event's was checked against it) and, when none is sent, zone. */
    private static EntryEventStore.EntryRow row(
            DeviceRow device, Lane lane, EntryEvent e, String problem, Instant now) {
        Instant time = e.correctedTime() != null ? e.correctedTime() : e.deviceTime() != null ? e.deviceTime() : now;
        String zone = e.zoneId() != null ? clip(e.zoneId(), 64) : lane.zoneId();
        return new EntryEventStore.EntryRow(
                e.eventId(),
                device.id(),
                device.gateId(),
                zone,
                problem == null ? e.passId() : null,
                e.direction() == null ? null : e.direction().name(),
                e.credentialType() == null ? null : e.credentialType().name(),
                e.verdict() == null ? null : e.verdict().name(),
                clip(e.reason(), 60),
                e.deviceTime(),
                time,
                e.offline(),
                Math.max(1, Math.min(e.partyCount(), MAX_PARTY)),
                problem == null ? EntryAckStatus.ACCEPTED.name() : EntryAckStatus.REJECTED.name(),
                problem,
                now,
                unit(e.matchScore()),
                unit(e.matchThreshold()));
    }

    /** A face score or threshold as stored: in [0, 1], else none (a terminal's bad value is not kept). */
    private static Double unit(Double v) {
        return v == null || !(v >= 0 && v <= 1) ? null : v;
    }

    private static String invalid(EntryEvent e) {
        String problem = null;
        if (e.verdict() == null) {
            problem = "verdict is required";
        } else if (e.direction() == null) {
            problem = "direction is required";
        } else if (e.passId() != null && (e.passId().isBlank() || e.passId().length() > 64)) {
            problem = "passId must be 1..64 characters";
        } else if (e.correctedTime() == null && e.deviceTime() == null) {
            problem = "correctedTime or deviceTime is required";
        } else if (e.partyCount() > MAX_PARTY || e.partyCount() < (e.verdict() == Verdict.ADMIT ? 1 : 0)) {
            problem = "partyCount must be " + (e.verdict() == Verdict.ADMIT ? 1 : 0) + ".." + MAX_PARTY
                    + (e.verdict() == Verdict.ADMIT ? " for an admission" : "");
        }
        return problem == null ? null : refusal(EntryAckReason.INVALID_EVENT, problem);
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
        List<TelemetryStore.Reading> rows = new ArrayList<>();
        for (TelemetryReading r : batch.readings()) {
            if (r == null
                    || r.kind() == null
                    || r.sensor() == null
                    || r.sensor().isBlank()) {
                throw new ServiceException(Problem.BAD_REQUEST, "every reading needs sensor and kind");
            }
            if (Double.isNaN(r.value()) || Double.isInfinite(r.value())) {
                throw new ServiceException(Problem.BAD_REQUEST, "reading values must be finite numbers");
            }
            rows.add(new TelemetryStore.Reading(
                    device.id(),
                    clip(r.sensor(), 100),
                    r.kind().name(),
                    r.value(),
                    clip(r.unit(), 20),
                    clip(r.detail(), 400),
                    r.time() == null ? now : r.time()));
        }
        db.tx(c -> {
            entries.telemetry().insert(c, rows, now);
            return null;
        });
        return rows.size();
    }

    public List<TelemetryStore.Reading> latestTelemetry(String deviceId) {
        return db.read(c -> entries.telemetry().latest(c, deviceId));
    }

    public List<TelemetryStore.Reading> telemetryHistory(String deviceId, Instant from, int limit) {
        return db.read(c -> entries.telemetry().history(c, deviceId, from, Math.max(1, Math.min(limit, 10_000))));
    }

    /** Stored entry events for the operator, newest first (filters may be null). */
    public List<EntryEventStore.EntryRow> list(String deviceId, String passId, String gateId, int limit) {
        return db.read(c -> entries.events().list(c, deviceId, passId, gateId, Math.max(1, Math.min(limit, 10_000))));
    }

    public List<ConflictStore.Conflict> conflicts(int limit) {
        return db.read(c -> entries.conflicts().list(c, Math.max(1, Math.min(limit, 10_000))));
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
