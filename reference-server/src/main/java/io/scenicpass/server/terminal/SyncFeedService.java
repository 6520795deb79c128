package io.scenicpass.server.terminal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.terminal.store.DeviceStore;
import io.scenicpass.server.terminal.store.ManifestStore;
import io.scenicpass.server.terminal.store.RevocationFeedStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pull side of terminal sync: signed key set, revocation deltas (from the revocation log the booking
 * cancel path writes), blacklist deltas (admin blacklist log) and manifest deltas (passes valid today and
 * tomorrow, with extra credentials). Large deltas are written straight to the response with Jackson's
 * generator; the JSON shapes are those of {@code io.scenicpass.core.wire} (each manifest entry is serialised
 * from {@link ManifestEntry} itself).
 */
public final class SyncFeedService {
    /** Largest page a terminal may ask for. */
    public static final int MAX_REVOCATIONS = 200_000;

    public static final int MAX_MANIFEST = 200_000;
    public static final int MAX_BLACKLIST = 50_000;

    private final Database db;
    private final RevocationFeedStore feeds;
    private final ManifestStore manifest;
    private final KeyService keys;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration refreshEvery;
    /** How often the manifest refresh re-examines every pass in the window. */
    static final Duration FULL_EVERY = Duration.ofHours(1);
    /** Throttling is about work, not domain time: measured on the monotonic clock. */
    private volatile long lastRefreshNanos =
            System.nanoTime() - Duration.ofDays(1).toNanos();

    private volatile Instant lastFull = Instant.EPOCH;
    private final java.util.concurrent.locks.ReentrantLock refreshing = new java.util.concurrent.locks.ReentrantLock();

    /**
     * @param zone the area's time zone when no product names one (the manifest holds passes valid "today and
     *     tomorrow" in it)
     * @param refreshEvery how often a manifest request may bring the feed up to date (0 = every request)
     */
    public SyncFeedService(
            Database db,
            RevocationFeedStore feeds,
            ManifestStore manifest,
            KeyService keys,
            Clock clock,
            ZoneId zone,
            Duration refreshEvery) {
        this.db = db;
        this.feeds = feeds;
        this.manifest = manifest;
        this.keys = keys;
        this.clock = clock;
        this.zone = zone;
        this.refreshEvery = refreshEvery;
    }

    /** The key set JSON signed by the root key. */
    public String keySetJson() {
        return keys.signedKeySet().toJson();
    }

    /**
     * What anyone may fetch to verify a pass (GET /.well-known/scenicpass/keyset): the signed key set the gates
     * get (public keys and pass codes only) plus the root public key it is signed with (base64, raw 32 bytes).
     */
    public String publicKeySetJson() {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode)
                    WireJson.mapper().readTree(keySetJson());
            n.put(
                    "rootPublicKey",
                    java.util.Base64.getEncoder().encodeToString(keys.root().publicKey()));
            return WireJson.mapper().writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a RevocationDelta of the log entries after {@code since} (at most {@code limit}). */
    public void writeRevocations(long since, int limit, JsonGenerator g) {
        int n = clamp(limit, MAX_REVOCATIONS);
        db.tx(c -> {
            long upper = feeds.revocationUpper(c, since, n);
            try {
                g.writeStartObject();
                g.writeNumberField("fromSequence", since);
                g.writeNumberField("toSequence", upper);
                g.writeArrayFieldStart("revokedPassIds");
                feeds.streamRevocations(c, since, upper, (seq, id) -> g.writeString(id));
                g.writeEndArray();
                g.writeBooleanField("more", upper > since && feeds.revocationsAfter(c, upper));
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** The blacklist changes after {@code since} (at most {@code limit}). */
    public BlacklistDelta blacklist(long since, int limit) {
        int n = clamp(limit, MAX_BLACKLIST);
        return db.read(c -> {
            List<RevocationFeedStore.BlacklistRow> rows = feeds.blacklist(c, since, n);
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            long to = since;
            for (RevocationFeedStore.BlacklistRow r : rows) {
                (r.add() ? added : removed).add(r.binding());
                to = r.seq();
            }
            return new BlacklistDelta(since, to, added, removed, !rows.isEmpty() && feeds.blacklistAfter(c, to));
        });
    }

    private volatile FaceFeed faces = FaceFeed.NONE;

    /** The face feature's templates go into the manifest pages of the devices it seals them for. */
    public void faces(FaceFeed feed) {
        this.faces = feed;
    }

    /** Writes a ManifestDelta of the feed rows after {@code cursor} (at most {@code limit}), without face templates. */
    public void writeManifest(long cursor, int limit, JsonGenerator g) {
        writeManifest(null, cursor, limit, g);
    }

    /**
     * Writes a ManifestDelta of the feed rows after {@code cursor} (at most {@code limit}) for {@code device}: with the
     * face templates sealed for it (when it may hold them).
     */
    public void writeManifest(DeviceStore.DeviceRow device, long cursor, int limit, JsonGenerator g) {
        int n = clamp(limit, MAX_MANIFEST);
        refreshIfDue();
        db.tx(c -> {
            long upper = manifest.upper(c, cursor, n);
            Map<String, ManifestStore.Credentials> creds = manifest.credentials(c, cursor, upper);
            Map<String, Map<String, String>> sealed =
                    device == null ? Map.of() : faces.sealedFor(c, device, cursor, upper);
            List<String> removed = new ArrayList<>();
            // one serializer lookup per page, not per entry: ManifestEntry's own Jackson serializer, as the client
            // reads it
            com.fasterxml.jackson.databind.SerializerProvider provider =
                    WireJson.mapper().getSerializerProviderInstance();
            try {
                com.fasterxml.jackson.databind.JsonSerializer<Object> entrySerializer =
                        provider.findTypedValueSerializer(ManifestEntry.class, true, null);
                g.writeStartObject();
                g.writeNumberField("fromCursor", cursor);
                g.writeNumberField("toCursor", upper);
                g.writeArrayFieldStart("upserts");
                manifest.stream(c, cursor, upper, (seq, passId, live, text) -> {
                    if (!live || text == null) {
                        removed.add(passId);
                        return;
                    }
                    ManifestStore.Credentials cr = creds.getOrDefault(passId, ManifestStore.Credentials.empty());
                    Map<String, String> face = sealed.getOrDefault(passId, Map.of());
                    List<String> subjects = cr.biometricSubjects();
                    if (!face.isEmpty()) {
                        subjects = new ArrayList<>(subjects);
                        subjects.addAll(face.keySet());
                    }
                    entrySerializer.serialize(
                            new ManifestEntry(passId, text, cr.holderBindings(), cr.cardUids(), subjects, face),
                            g,
                            provider);
                });
                g.writeEndArray();
                g.writeArrayFieldStart("removedPassIds");
                for (String id : removed) {
                    g.writeString(id);
                }
                g.writeEndArray();
                g.writeBooleanField("more", upper > cursor && manifest.after(c, upper));
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Brings the manifest feed up to date now; returns the changes. */
    public int refreshManifest() {
        return refreshManifest(clock.instant().isAfter(lastFull.plus(FULL_EVERY)));
    }

    /**
     * Brings the manifest feed up to date now; {@code full} re-examines every pass in the window (done at least
     * hourly anyway), otherwise only passes issued recently or entering the window. Returns the changes.
     */
    public int refreshManifest(boolean full) {
        Instant now = clock.instant();
        int changes = db.tx(c -> {
            ZoneId z = manifest.areaTimeZone(c).map(ZoneId::of).orElse(zone);
            Instant horizon =
                    LocalDate.ofInstant(now, z).plusDays(2).atStartOfDay(z).toInstant();
            return manifest.refresh(c, now, horizon, full);
        });
        if (full) {
            lastFull = now;
        }
        lastRefreshNanos = System.nanoTime();
        return changes;
    }

    /** Refreshes when due; a request never waits behind another request's refresh (it serves the feed as is). */
    private void refreshIfDue() {
        if (System.nanoTime() - lastRefreshNanos < refreshEvery.toNanos() || !refreshing.tryLock()) {
            return;
        }
        try {
            refreshManifest();
        } finally {
            refreshing.unlock();
        }
    }

    /** Replaces a pass's holder bindings, card UIDs and biometric subjects (re-announced in the manifest). */
    public void putCredentials(String passId, ManifestStore.Credentials creds) {
        db.tx(c -> {
            manifest.putCredentials(c, passId, creds);
            return null;
        });
    }

    private static int clamp(int limit, int max) {
        if (limit < 0) {
            throw new ServiceException(Problem.BAD_REQUEST, "limit must be >= 1");
        }
        return limit == 0 ? 1000 : Math.min(limit, max);
    }
}
