package io.scenicpass.terminal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.WireJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry counts and last direction per pass, derived from journaled entry events. Kept in memory,
 * checkpointed to a snapshot that names the last journal record it includes; on start the journal records
 * after it are replayed, so the ledger survives reboots exactly as the journal does. Idempotent by event
 * id: the ids of the events that counted are kept per pass (and pruned with it), so an event received
 * again — from the journal or from a peer gate — counts once; the ledger is the union of the events.
 *
 * <p>Thread-safe.
 */
public final class EntryLedger implements PassUsages {
    /** Reason of the event that undoes an admitted passage that did not happen. */
    public static final String NOT_PASSED = "NOT_PASSED";

    private final Map<String, PassUsage> usage = new ConcurrentHashMap<>();
    private final Map<String, Instant> expiry = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> counted = new ConcurrentHashMap<>();
    private volatile long appliedThrough;
    private volatile long loadedThrough;

    /** @param passId a pass id @return its usage, {@link PassUsage#NONE} if never seen */
    @Override
    public PassUsage usage(String passId) {
        PassUsage u = passId == null ? null : usage.get(passId);
        return u == null ? PassUsage.NONE : u;
    }

    /** @return the last journal record id included */
    @Override
    public long appliedThrough() {
        return appliedThrough;
    }

    /** @return number of passes with usage */
    @Override
    public int size() {
        return usage.size();
    }

    /**
     * Applies one journaled event. Records already included in the loaded snapshot are skipped, so
     * replaying the whole journal after a restart is safe.
     *
     * @param recordId the journal record id
     * @param event the event
     * @return whether the event changed a pass's usage (false: not a usage event, or already counted)
     */
    public synchronized boolean apply(long recordId, EntryEvent event) {
        if (recordId <= loadedThrough) {
            return false;
        }
        appliedThrough = Math.max(appliedThrough, recordId);
        String passId = event.passId();
        if (!countsTowardUsage(event) || knows(event)) {
            return false;
        }
        counted.computeIfAbsent(passId, k -> ConcurrentHashMap.newKeySet()).add(event.eventId());
        PassUsage u = usage(passId);
        Direction dir = event.direction();
        Map<String, Integer> zones = new HashMap<>(u.zoneEntries());
        String zone = event.zoneId();
        List<Instant> times = new ArrayList<>(u.entryTimes());
        if (event.verdict() == Verdict.ADMIT) {
            int entries = u.entries();
            if (dir == Direction.IN) {
                entries++;
                times.add(event.correctedTime());
                if (zone != null) {
                    zones.merge(zone, 1, Integer::sum);
                }
            }
            usage.put(
                    passId,
                    new PassUsage(entries, zones, dir, u.lastDirection().orElse(null), event.correctedTime(), times));
        } else if (NOT_PASSED.equals(event.reason())) {
            int entries = u.entries();
            if (dir == Direction.IN) {
                entries = Math.max(0, entries - 1);
                if (!times.isEmpty()) {
                    times.remove(times.size() - 1); // the entry given back
                }
                if (zone != null && zones.containsKey(zone)) {
                    int z = zones.get(zone) - 1;
                    if (z <= 0) {
                        zones.remove(zone);
                    } else {
                        zones.put(zone, z);
                    }
                }
            }
            usage.put(
                    passId,
                    new PassUsage(
                            entries,
                            zones,
                            u.previousDirection().orElse(null),
                            null,
                            u.lastTime().orElse(null),
                            times));
        }
        return true;
    }

    /**
     * @param event an event
     * @return whether it changes usage when counted: an admission or a NOT_PASSED, of a pass, with an id
     */
    public static boolean countsTowardUsage(EntryEvent event) {
        return event.passId() != null
                && event.eventId() != null
                && (event.verdict() == Verdict.ADMIT || NOT_PASSED.equals(event.reason()));
    }

    /** @param event an event @return whether it has already been counted */
    public boolean knows(EntryEvent event) {
        Set<String> ids = event.passId() == null ? null : counted.get(event.passId());
        return ids != null && ids.contains(event.eventId());
    }

    /**
     * Notes when a pass stops being usable (validity end plus tolerance), so its usage can be pruned.
     *
     * @param passId the pass
     * @param usableUntil after this instant the pass is refused anyway
     */
    public void retainUntil(String passId, Instant usableUntil) {
        if (passId != null && usage.containsKey(passId)) {
            expiry.put(passId, usableUntil);
        }
    }

    /**
     * Forgets usage of passes no longer usable (keeps memory and checkpoints bounded). Passes whose end is
     * unknown (seen only through journal replay) are kept until they are decided again.
     *
     * @param before passes usable only until before this instant are dropped
     * @return how many were dropped
     */
    public synchronized int prune(Instant before) {
        int n = 0;
        for (Map.Entry<String, Instant> e : expiry.entrySet()) {
            if (e.getValue().isBefore(before)) {
                usage.remove(e.getKey());
                expiry.remove(e.getKey());
                counted.remove(e.getKey());
                n++;
            }
        }
        return n;
    }

    /** @return the snapshot as JSON bytes */
    public synchronized byte[] toJson() {
        ObjectMapper m = WireJson.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("appliedThrough", appliedThrough);
        ObjectNode passes = root.putObject("passes");
        for (Map.Entry<String, PassUsage> e : usage.entrySet()) {
            PassUsage u = e.getValue();
            ObjectNode n = passes.putObject(e.getKey());
            n.put("entries", u.entries());
            ObjectNode z = n.putObject("zones");
            u.zoneEntries().forEach(z::put);
            u.lastDirection().ifPresent(d -> n.put("last", d.name()));
            u.previousDirection().ifPresent(d -> n.put("previous", d.name()));
            u.lastTime().ifPresent(t -> n.put("time", t.toString()));
            if (!u.entryTimes().isEmpty()) {
                com.fasterxml.jackson.databind.node.ArrayNode times = n.putArray("times");
                u.entryTimes().forEach(t -> times.add(t.toString()));
            }
            Instant until = expiry.get(e.getKey());
            if (until != null) {
                n.put("until", until.toString());
            }
            Set<String> ids = counted.get(e.getKey());
            if (ids != null) {
                ids.forEach(n.putArray("ids")::add);
            }
        }
        try {
            return m.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise ledger", e);
        }
    }

    /**
     * Loads a snapshot written by {@link #toJson()}.
     *
     * @param json the bytes
     * @throws IOException when they are not a ledger snapshot
     */
    public synchronized void load(byte[] json) throws IOException {
        JsonNode root = WireJson.mapper().readTree(json);
        long through = root.path("appliedThrough").asLong(0);
        Map<String, PassUsage> loaded = new HashMap<>();
        Map<String, Instant> until = new HashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("passes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = e.getValue();
                Map<String, Integer> zones = new HashMap<>();
                n.path("zones")
                        .fields()
                        .forEachRemaining(
                                z -> zones.put(z.getKey(), z.getValue().asInt()));
                loaded.put(
                        e.getKey(),
                        new PassUsage(
                                n.path("entries").asInt(),
                                zones,
                                dir(n.get("last")),
                                dir(n.get("previous")),
                                n.hasNonNull("time")
                                        ? Instant.parse(n.get("time").asText())
                                        : null,
                                times(n.path("times"))));
                if (n.hasNonNull("until")) {
                    until.put(e.getKey(), Instant.parse(n.get("until").asText()));
                }
                Set<String> ids = ConcurrentHashMap.newKeySet();
                n.path("ids").forEach(id -> ids.add(id.asText()));
                ids.remove("");
                if (!ids.isEmpty()) {
                    seen.put(e.getKey(), ids);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("ledger snapshot is damaged", e);
        }
        // all or nothing: a damaged snapshot leaves the ledger empty (and the journal is replayed in full)
        usage.clear();
        expiry.clear();
        counted.clear();
        usage.putAll(loaded);
        expiry.putAll(until);
        counted.putAll(seen);
        appliedThrough = through;
        loadedThrough = through;
    }

    private static List<Instant> times(JsonNode n) {
        List<Instant> out = new ArrayList<>();
        n.forEach(t -> out.add(Instant.parse(t.asText())));
        return out;
    }

    private static Direction dir(JsonNode n) {
        return n == null || n.isNull() ? null : Direction.valueOf(n.asText());
    }
}
