package io.scenicpass.server.face;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.FaceSeal;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.face.store.FaceStore;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.terminal.DeviceRole;
import io.scenicpass.server.terminal.FaceFeed;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.ManifestStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face templates bound to passes: enrolment (a gate's first-entry capture, or the admin API for kiosk, shop and
 * annual activation), the masked view, removal, the operator's settings (retention, keeping photos), the retention
 * job, and the per-device sealing for the manifest ({@link FaceFeed}). Templates are opaque vendor bytes.
 */
public final class FaceService implements FaceFeed {
    private static final Logger LOG = LoggerFactory.getLogger(FaceService.class);
    /** Largest template accepted (a vendor's feature vector is a few KB at most). */
    public static final int MAX_TEMPLATE_BYTES = 16 * 1024;
    /** Largest photo kept (only when the operator keeps photos). */
    public static final int MAX_PHOTO_BYTES = FacePhotos.MAX_BYTES;

    public static final Set<String> SOURCES = Set.of("GATE", "KIOSK", "SHOP", "ADMIN");
    static final String RETENTION_DAYS = "face.retentionDays";
    static final String KEEP_PHOTOS = "face.keepPhotos";

    /** The operator's settings: days a template is kept after its pass ended; whether enrolment photos are kept. */
    public record Settings(Integer retentionDays, Boolean keepPhotos) {}

    /** What the API shows of an enrolment: never the template or the photo. */
    public record Enrolment(
            String passId,
            String subjectId,
            String source,
            Instant enrolledAt,
            boolean photoKept,
            Instant deleteAfter) {}

    private final Database db;
    private final FaceStore store;
    private final ManifestStore manifest;
    private final SiteStore site;
    private final SettingStore settings;
    private final IdentityKeys identity;
    private final KeyService keys;
    private final Clock clock;

    public FaceService(
            Database db,
            FaceStore store,
            ManifestStore manifest,
            SiteStore site,
            SettingStore settings,
            IdentityKeys identity,
            KeyService keys,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.manifest = manifest;
        this.site = site;
        this.settings = settings;
        this.identity = identity;
        this.keys = keys;
        this.clock = clock;
    }

    /** The subject id of a pass's holder, as gates know it (sdk-terminal's FaceIndex.subjectOf). */
    public static String subjectOf(String passId) {
        return "face-" + passId;
    }

    /**
     * Enrols (or replaces) the face of a pass's holder: annual activation at a kiosk, the shop or the gate, or an
     * operator. The photo is kept only when the operator's setting says so. The pass is re-announced to the gates.
     */
    public Enrolment enrol(String passId, byte[] template, byte[] photo, String source, String by) {
        checkInput(template, photo, source);
        return db.tx(c -> {
            FaceStore.PassRow pass = store.pass(c, passId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such pass", clip(passId)));
            if (pass.revoked()) {
                throw new ServiceException(Problem.CONFLICT, "the pass is revoked", passId);
            }
            boolean keep = photo != null && settings(c).keepPhotos();
            put(c, passId, pass, template, keep ? photo : null, source, by);
            return view(c, passId).orElseThrow();
        });
    }

    private static void checkInput(byte[] template, byte[] photo, String source) {
        if (template == null || template.length == 0 || template.length > MAX_TEMPLATE_BYTES) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "template must be 1.." + MAX_TEMPLATE_BYTES + " bytes (base64)");
        }
        if (photo != null && photo.length > MAX_PHOTO_BYTES) {
            throw new ServiceException(
                    Problem.PAYLOAD_TOO_LARGE, "photo must be at most " + MAX_PHOTO_BYTES + " bytes");
        }
        if (source == null || !SOURCES.contains(source)) {
            throw new ServiceException(Problem.BAD_REQUEST, "source must be one of " + SOURCES);
        }
    }

    /** A face captured for a pass not signed yet: its reference, valid until. */
    public record Captured(String reference, Instant expiresAt) {}

    static final String CAPTURE = "face-capture:";
    static final Duration CAPTURE_TTL = Duration.ofDays(1);

    /**
     * Captures a face before its pass exists (annual activation at a kiosk, the shop or a gate): the reference goes
     * into the activation call, which binds the template to the pass it signs ({@link AnnualFaces}). A day to use it.
     */
    public Captured capture(byte[] template, byte[] photo, String source) {
        checkInput(template, photo, source);
        String reference = "fcap_" + java.util.UUID.randomUUID().toString().replace("-", "");
        Instant now = clock.instant();
        db.tx(c -> {
            boolean keep = photo != null && settings(c).keepPhotos();
            String ctx = CAPTURE + reference;
            store.putCapture(
                    c,
                    new FaceStore.Capture(
                            reference,
                            identity.encrypt(Base64.getEncoder().encodeToString(template), ctx),
                            keep ? identity.encrypt(Base64.getEncoder().encodeToString(photo), ctx + ":photo") : null,
                            source,
                            now));
            return null;
        });
        return new Captured(reference, now.plus(CAPTURE_TTL));
    }

    /** Binds a capture to the pass its activation signed; false when the reference is unknown, used or expired. */
    boolean bindCapture(Connection c, String reference, String passId) throws SQLException {
        Optional<FaceStore.Capture> k = store.takeCapture(c, reference);
        Optional<FaceStore.PassRow> pass = store.pass(c, passId);
        if (k.isEmpty()
                || pass.isEmpty()
                || k.get().createdAt().plus(CAPTURE_TTL).isBefore(clock.instant())) {
            return false;
        }
        String ctx = CAPTURE + reference;
        put(
                c,
                passId,
                pass.get(),
                open(k.get().templateEnc(), ctx),
                open(k.get().photoEnc(), ctx + ":photo"),
                k.get().source(),
                "activation");
        return true;
    }

    /** Deletes a capture whose activation failed (the shop's): its template and any kept photo go at once. */
    public void discard(String reference) {
        db.tx(c -> store.takeCapture(c, reference));
    }

    /** A renewal: the template follows the annual pass to the pass that now stands for it. */
    void rebind(Connection c, String oldPassId, String newPassId) throws SQLException {
        Optional<FaceStore.Row> r = store.get(c, oldPassId);
        Optional<FaceStore.PassRow> pass = store.pass(c, newPassId);
        if (r.isEmpty() || pass.isEmpty()) {
            return;
        }
        String ctx = "face:" + oldPassId;
        byte[] template = open(r.get().templateEnc(), ctx);
        byte[] photo = open(r.get().photoEnc(), ctx + ":photo");
        store.delete(c, oldPassId);
        put(c, newPassId, pass.get(), template, photo, r.get().source(), r.get().enrolledBy());
    }

    /** The pass ended early (refund): its template goes after the retention period from now. */
    void ended(Connection c, String passId) throws SQLException {
        store.ended(c, passId, clock.instant());
    }

    /** The bytes of a sealed template or photo; null for none. */
    private byte[] open(String sealed, String context) {
        return sealed == null ? null : Base64.getDecoder().decode(identity.decrypt(sealed, context));
    }

    private void put(
            Connection c, String passId, FaceStore.PassRow pass, byte[] template, byte[] photo, String src, String by)
            throws SQLException {
        String ctx = "face:" + passId;
        store.put(
                c,
                new FaceStore.Row(
                        passId,
                        subjectOf(passId),
                        identity.encrypt(Base64.getEncoder().encodeToString(template), ctx),
                        photo == null
                                ? null
                                : identity.encrypt(Base64.getEncoder().encodeToString(photo), ctx + ":photo"),
                        zonesOf(c, pass.passText()),
                        src,
                        by == null ? null : by.length() > 80 ? by.substring(0, 80) : by,
                        clock.instant(),
                        pass.validUntil()));
        manifest.reannounce(c, passId);
    }

    /** The enrolment of a pass, masked; empty when it has none. */
    public Optional<Enrolment> view(String passId) {
        return db.read(c -> view(c, passId));
    }

    private Optional<Enrolment> view(Connection c, String passId) throws SQLException {
        int days = settings(c).retentionDays();
        return store.get(c, passId)
                .map(r -> new Enrolment(
                        r.passId(),
                        r.subjectId(),
                        r.source(),
                        r.enrolledAt(),
                        r.photoEnc() != null,
                        r.validUntil().plus(Duration.ofDays(days))));
    }

    /** Deletes a pass's face (the holder asked, or the operator): the gates drop it at their next manifest pull. */
    public void remove(String passId) {
        boolean found = db.tx(c -> {
            boolean gone = store.delete(c, passId);
            if (gone) {
                manifest.reannounce(c, passId);
            }
            return gone;
        });
        if (!found) {
            throw new ServiceException(Problem.NOT_FOUND, "no face enrolled for the pass", clip(passId));
        }
    }

    /** The retention job: deletes the templates (and photos) of passes that ended more than the period ago. */
    public int purge() {
        List<String> gone = db.tx(c -> {
            store.deleteCapturesBefore(c, clock.instant().minus(CAPTURE_TTL));
            return store.deleteEndedBefore(
                    c, clock.instant().minus(Duration.ofDays(settings(c).retentionDays())));
        });
        if (!gone.isEmpty()) {
            LOG.info("face retention: deleted {} template(s) of ended passes", gone.size());
        }
        return gone.size();
    }

    public Settings settings() {
        return db.read(this::settings);
    }

    private Settings settings(Connection c) throws SQLException {
        return new Settings(
                Integer.parseInt(settings.get(c, RETENTION_DAYS).orElse("30")),
                Boolean.parseBoolean(settings.get(c, KEEP_PHOTOS).orElse("false")));
    }

    /** Changes the settings (absent fields keep their value); retention 0..3650 days. */
    public Settings putSettings(Settings s) {
        if (s == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "a body is required");
        }
        if (s.retentionDays() != null && (s.retentionDays() < 0 || s.retentionDays() > 3650)) {
            throw new ServiceException(Problem.BAD_REQUEST, "retentionDays must be 0..3650");
        }
        return db.tx(c -> {
            if (s.retentionDays() != null) {
                settings.put(c, RETENTION_DAYS, Integer.toString(s.retentionDays()));
            }
            if (s.keepPhotos() != null) {
                settings.put(c, KEEP_PHOTOS, Boolean.toString(s.keepPhotos()));
            }
            return settings(c);
        });
    }

    @Override
    public Map<String, Map<String, String>> sealedFor(Connection c, DeviceRow device, long since, long upper)
            throws SQLException {
        if (device.role() != DeviceRole.GATE) {
            return Map.of(); // kiosks and box offices never hold faces
        }
        Optional<String> zone = site.gate(c, device.gateId()).map(SiteStore.Gate::zoneId);
        Optional<String> tokenHash = store.deviceTokenHash(c, device.id());
        List<FaceStore.Row> rows = store.inManifest(c, since, upper);
        if (zone.isEmpty() || tokenHash.isEmpty() || rows.isEmpty()) {
            return Map.of();
        }
        FaceSeal seal = FaceSeal.ofTokenHash(tokenHash.get());
        Map<String, Map<String, String>> out = new HashMap<>();
        for (FaceStore.Row r : rows) {
            if (!r.zones().isEmpty() && !Arrays.asList(r.zones().split(",")).contains(zone.get())) {
                continue; // a gate of another site never receives it
            }
            byte[] t = open(r.templateEnc(), "face:" + r.passId());
            out.put(r.passId(), Map.of(r.subjectId(), seal.seal(t, r.subjectId())));
        }
        return out;
    }

    @Override
    public void enrolled(Connection c, DeviceRow origin, EntryEvent e) throws SQLException {
        if (store.get(c, e.passId()).isPresent()) {
            return; // a face is on file (activation, or an earlier capture): the first one stays
        }
        Optional<FaceStore.PassRow> pass = store.pass(c, e.passId());
        Optional<String> tokenHash = store.deviceTokenHash(c, origin.id());
        if (pass.isEmpty() || tokenHash.isEmpty()) {
            return;
        }
        byte[] template;
        try {
            template = FaceSeal.ofTokenHash(tokenHash.get()).open(e.faceEnrolment(), e.eventId());
        } catch (ScenicPassException ex) {
            LOG.warn("entry event {} of device {} carries a face not sealed by it; ignored", e.eventId(), origin.id());
            return;
        }
        if (template.length > MAX_TEMPLATE_BYTES) {
            LOG.warn("entry event {} carries a face template over {} bytes; ignored", e.eventId(), MAX_TEMPLATE_BYTES);
            return;
        }
        put(c, e.passId(), pass.get(), template, null, "GATE", origin.id());
    }

    /** The pass's zone ids (comma list; "" = every zone): the site whose gates receive the template. */
    private String zonesOf(Connection c, String passText) throws SQLException {
        try {
            return keys.codes().resolve(c, PassCodec.decode(passText).claims()).zones().stream()
                    .map(ZoneAllowance::zoneId)
                    .collect(Collectors.joining(","));
        } catch (ScenicPassException e) {
            return "";
        }
    }

    private static String clip(String id) {
        return id == null || id.length() > 64 ? null : id;
    }
}
