package io.scenicpass.server.terminal;

import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.core.Claims;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckReason;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.keys.PassCodeBook;
import io.scenicpass.server.sales.http.OctoViews;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.ConflictStore.Conflict;
import io.scenicpass.server.terminal.store.EntryEventStore;
import io.scenicpass.server.terminal.store.EntryEventStore.Admission;
import io.scenicpass.server.terminal.store.EntryEventStore.EntryRow;
import io.scenicpass.server.terminal.store.EntryStores;
import io.scenicpass.server.terminal.store.PassUseStore.PassEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One upload's ingestion, set-based, inside one transaction: the new events are inserted with one statement
 * (sorted by event id), the use rows of the passes they touch are locked in pass id order with two JDBC
 * batches, the passes' events are read back with one query; then, per pass, the over-use check of this upload's
 * admissions (after those acknowledged before), the counters written with one batch and, per booking still
 * CONFIRMED, the redemption (status + webhook).
 */
public final class EntryIngestion {
    private final EntryStores entries;
    private final PassStore passes;
    private final BookingStore bookings;
    private final ChannelStore channels;
    private final CatalogueStore catalogue;
    private final InventoryStore inventory;
    private final WebhookService webhooks;
    private final PassCodeBook codes;

    private final java.util.function.Consumer<String> refused;

    EntryIngestion(
            EntryStores entries,
            PassStore passes,
            BookingStore bookings,
            ChannelStore channels,
            CatalogueStore catalogue,
            InventoryStore inventory,
            WebhookService webhooks,
            PassCodeBook codes,
            java.util.function.Consumer<String> refused) {
        this.entries = entries;
        this.passes = passes;
        this.bookings = bookings;
        this.channels = channels;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.webhooks = webhooks;
        this.codes = codes;
        this.refused = refused;
    }

    /** An event to store: its index in the upload, the row, and why it is refused (a stored message; null = valid). */
    record Candidate(int index, EntryEvent event, EntryRow row, String problem) {}

    /**
     * Stores the candidates (distinct event ids) of device {@code deviceId} and fills {@code acks} at their indexes.
     * Runs inside the caller's transaction.
     */
    void run(Connection c, String deviceId, List<Candidate> candidates, EntryAckItem[] acks, Instant now)
            throws SQLException {
        List<EntryRow> rows = new ArrayList<>(candidates.size());
        for (Candidate k : candidates) {
            rows.add(k.row());
        }
        rows.sort(Comparator.comparing(EntryRow::eventId));
        Set<String> inserted = entries.events().insertAll(c, rows);
        // Passes whose counters change (sorted: the lock order), and the admissions still to answer, per pass.
        TreeMap<String, List<Candidate>> admitted = new TreeMap<>();
        TreeSet<String> touched = new TreeSet<>();
        Map<String, Integer> newExits = new HashMap<>(); // exits count up: a pass's exit history is not read again
        List<Candidate> resent = new ArrayList<>();
        for (Candidate k : candidates) {
            EntryEvent e = k.event();
            if (!inserted.contains(e.eventId())) {
                resent.add(k);
            } else if (k.problem() != null) {
                String reason = EntryService.reasonOf(k.problem());
                acks[k.index()] = new EntryAckItem(e.eventId(), EntryAckStatus.REJECTED, k.problem(), reason);
                refused.accept(reason);
            } else if (e.passId() != null && EntryEventStore.NOT_PASSED.equals(e.reason())) {
                touched.add(e.passId()); // an admission given back: the pass's count goes down again
                acks[k.index()] = new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null);
            } else if (e.passId() == null || e.verdict() != Verdict.ADMIT) {
                acks[k.index()] = new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null);
            } else {
                touched.add(e.passId());
                admitted.computeIfAbsent(e.passId(), p -> new ArrayList<>()).add(k);
                if (e.direction() == Direction.OUT) {
                    newExits.merge(e.passId(), 1, Integer::sum);
                }
            }
        }
        answerResent(c, deviceId, resent, acks);
        if (touched.isEmpty()) {
            return;
        }
        entries.use().lockPasses(c, touched, now);
        Map<String, PassEvents> events = standing(entries.events().admissions(c, touched));
        Map<String, PassRecord> issued = admitted.isEmpty() ? Map.of() : passes.issued(c, admitted.keySet());
        Set<String> fresh = new HashSet<>();
        admitted.values().forEach(l -> l.forEach(k -> fresh.add(k.event().eventId())));
        TreeMap<String, PassRecord> toRedeem = new TreeMap<>();
        OveruseCheck.Found found = new OveruseCheck.Found();
        for (Map.Entry<String, List<Candidate>> p : admitted.entrySet()) {
            PassRecord pass = issued.get(p.getKey());
            Map<String, String> conflicts = null;
            for (Candidate k : p.getValue()) {
                EntryEvent e = k.event();
                if (pass == null) {
                    acks[k.index()] =
                            new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, "pass not issued by this server");
                    continue;
                }
                if (e.direction() != Direction.IN) {
                    acks[k.index()] = new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null);
                    continue;
                }
                if (conflicts == null) {
                    PassEvents pe = events.get(pass.passId());
                    conflicts = OveruseCheck.check(
                            pass, pe == null ? List.of() : pe.admissions(), fresh, now, found, resolved(c, pass));
                    toRedeem.putIfAbsent(pass.bookingUuid(), pass);
                }
                String conflict = conflicts.get(e.eventId());
                acks[k.index()] = conflict == null
                        ? new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null)
                        : new EntryAckItem(
                                e.eventId(), EntryAckStatus.OVERUSE_CONFLICT, conflict, EntryAckReason.ALLOWANCE_USED);
            }
        }
        // the counters count the admissions that stand: this upload's over-uses are not among them
        entries.use().updateUse(c, touched, withoutConflicts(events, found), newExits, now);
        if (!found.conflicts.isEmpty()) {
            // the events' status and message first, then the conflict rows (each one batch)
            entries.events()
                    .markOverused(
                            c, found.conflicts.stream().map(Conflict::eventId).toList(), found.messages);
            entries.conflicts().insertAll(c, found.conflicts);
        }
        if (!toRedeem.isEmpty()) {
            redeem(c, toRedeem.keySet(), now);
        }
    }

    /**
     * Re-sent events (their id is stored) are answered DUPLICATE — or, when this device's stored event was refused or
     * found over-used, with that same answer again, so a gate that lost the first ack still hears it.
     */
    private void answerResent(Connection c, String deviceId, List<Candidate> resent, EntryAckItem[] acks)
            throws SQLException {
        if (resent.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(resent.size());
        resent.forEach(k -> ids.add(k.event().eventId()));
        Map<String, EntryEventStore.Answer> stored = entries.events().finalAnswers(c, ids, deviceId);
        for (Candidate k : resent) {
            String id = k.event().eventId();
            EntryEventStore.Answer a = stored.get(id);
            if (a == null) {
                acks[k.index()] = new EntryAckItem(id, EntryAckStatus.DUPLICATE, "already received");
            } else if (EntryAckStatus.OVERUSE_CONFLICT.name().equals(a.status())) {
                acks[k.index()] = new EntryAckItem(
                        id, EntryAckStatus.OVERUSE_CONFLICT, a.message(), EntryAckReason.ALLOWANCE_USED);
            } else {
                acks[k.index()] =
                        new EntryAckItem(id, EntryAckStatus.REJECTED, a.message(), EntryService.reasonOf(a.message()));
            }
        }
    }

    /**
     * The admissions that stand, per pass: each {@code NOT_PASSED} event ({@link EntryEventStore#admissions}) gives
     * back the latest earlier admission of the same device.
     */
    public static Map<String, PassEvents> standing(Map<String, List<Admission>> admissions) {
        Map<String, PassEvents> out = new HashMap<>();
        for (Map.Entry<String, List<Admission>> p : admissions.entrySet()) {
            List<Admission> standing = new ArrayList<>();
            for (Admission a : p.getValue()) {
                if (!EntryEventStore.NOT_PASSED.equals(a.status())) {
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
            out.put(p.getKey(), new PassEvents(standing));
        }
        return out;
    }

    private static Map<String, PassEvents> withoutConflicts(Map<String, PassEvents> events, OveruseCheck.Found found) {
        if (found.conflicts.isEmpty()) {
            return events;
        }
        Set<String> over = new HashSet<>();
        found.conflicts.forEach(k -> over.add(k.eventId()));
        Map<String, PassEvents> out = new HashMap<>(events);
        for (Conflict k : found.conflicts) {
            PassEvents pe = out.get(k.passId());
            if (pe != null) {
                out.put(
                        k.passId(),
                        new PassEvents(pe.admissions().stream()
                                .filter(a -> !over.contains(a.eventId()))
                                .toList()));
            }
        }
        return out;
    }

    /** The claims of a stored pass with its codes resolved to ids (as the events name zones), or null if unreadable. */
    private Claims resolved(Connection c, PassRecord pass) throws SQLException {
        try {
            return codes.resolve(c, PassCodec.decode(pass.passText()).claims());
        } catch (ScenicPassException ex) {
            return null;
        }
    }

    /** Catalogue, slot and channel rows read once per upload (many bookings share them). */
    private static final class Lookups {
        final Map<String, Optional<Product>> products = new HashMap<>();
        final Map<String, Optional<Slot>> slots = new HashMap<>();
        final Map<String, Optional<Channel>> channels = new HashMap<>();
        final Map<String, Map<String, Unit>> units = new HashMap<>();
    }

    /**
     * First admissions: the bookings still CONFIRMED move to REDEEMED (one batch, in booking order) and each enqueues
     * its channel's BOOKING_REDEEMED webhook, in this transaction.
     */
    private void redeem(Connection c, Set<String> sortedUuids, Instant now) throws SQLException {
        Set<String> moved = bookings.redeem(c, sortedUuids, now);
        if (moved.isEmpty()) {
            return;
        }
        Map<String, List<PassRecord>> passesOf = passes.ofBookings(c, moved);
        List<String> passIds = new ArrayList<>();
        passesOf.values().forEach(l -> l.forEach(p -> passIds.add(p.passId())));
        Map<String, Instant> used = entries.use().firstEntries(c, passIds);
        Lookups memo = new Lookups();
        List<WebhookService.Event> events = new ArrayList<>(moved.size());
        Map<String, Booking> redeemed = bookings.findAll(c, moved);
        for (String uuid : sortedUuids) {
            if (!moved.contains(uuid)) {
                continue;
            }
            Booking after = redeemed.get(uuid);
            Product product = cached(memo.products, after.productId(), id -> catalogue.product(c, id))
                    .orElse(null);
            Slot slot = cached(memo.slots, after.slotId(), id -> inventory.slot(c, id))
                    .orElse(null);
            Channel channel = cached(memo.channels, after.channelId(), id -> channels.find(c, id))
                    .orElse(null);
            if (product == null || slot == null || channel == null) {
                continue;
            }
            Map<String, Unit> units = memo.units.get(after.optionId());
            if (units == null) {
                units = new HashMap<>();
                for (Unit u : catalogue.units(c, after.optionId())) {
                    units.put(u.id(), u);
                }
                memo.units.put(after.optionId(), units);
            }
            events.add(new WebhookService.Event(
                    channel,
                    WebhookEventType.BOOKING_REDEEMED,
                    OctoViews.booking(
                            after, slot, product, passesOf.getOrDefault(uuid, List.of()), used, units, false, true)));
        }
        webhooks.enqueueAll(c, events);
    }

    private interface Load<T> {
        Optional<T> load(String id) throws SQLException;
    }

    private static <T> Optional<T> cached(Map<String, Optional<T>> memo, String id, Load<T> load) throws SQLException {
        Optional<T> v = memo.get(id);
        if (v == null) {
            v = load.load(id);
            memo.put(id, v);
        }
        return v;
    }
}
