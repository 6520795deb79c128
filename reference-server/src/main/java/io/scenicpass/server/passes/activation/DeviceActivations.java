package io.scenicpass.server.passes.activation;

import io.scenicpass.core.PassCodec;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.face.FaceService;
import io.scenicpass.server.identity.Document;
import io.scenicpass.server.identity.Documents;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.AnnualPasses;
import io.scenicpass.server.passes.PassHolderHook.Enrolment;
import io.scenicpass.server.passes.activation.store.ActivationRequestStore;
import io.scenicpass.server.passes.store.AnnualPassStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.terminal.DeviceRole;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.ManifestStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activation of an annual pass by a device: a kiosk or box office (enrolment KIOSK) or a gate at the first entry
 * (GATE) sends the pass as scanned, the holder's document as read, and the captured face with the vendor's liveness.
 * The checks name what is wrong (PASS_UNKNOWN, ALREADY_ACTIVE, PASS_FROZEN, WRONG_AREA, DOCUMENT_MISMATCH,
 * LIVENESS_FAILED/MISSING); the activation itself is {@link AnnualPasses#activate}, with the face captured first
 * ({@link FaceService#capture}) and bound through its hook. The same request id from the same device answers the same
 * pass (an unused capture is deleted by the face retention job after a day).
 */
public final class DeviceActivations {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceActivations.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    /** Longest pass text accepted (a signed pass is a few hundred characters). */
    static final int MAX_PASS = 4096;

    /** The device's request: the pass as scanned, the document as read, the face as captured. */
    public record Request(String requestId, String pass, IdentityInput holder, Face face) {}

    /** The captured face: the vendor template (base64) and the vendor's liveness verdict (PASSED, FAILED, UNKNOWN). */
    public record Face(String template, String liveness, Double livenessScore) {}

    /** The activated pass, for the device to print or show: its new pass text (QR) and validity. */
    public record Activated(
            String annualPassId,
            String passId,
            String passText,
            String productId,
            String state,
            Instant validFrom,
            Instant validUntil,
            String holder,
            String enrolment) {}

    private final Database db;
    private final AnnualPasses annual;
    private final FaceService faces;
    private final IdentityService identities;
    private final Clock clock;
    private final AnnualPassStore annualStore = new AnnualPassStore();
    private final ActivationRequestStore requests = new ActivationRequestStore();
    private final CatalogueStore catalogue = new CatalogueStore();
    private final SiteStore site = new SiteStore();
    private final ManifestStore manifest = new ManifestStore();
    private final PassStore passes;

    public DeviceActivations(
            Database db, AnnualPasses annual, FaceService faces, IdentityService identities, Clock clock) {
        this.db = db;
        this.annual = annual;
        this.faces = faces;
        this.identities = identities;
        this.clock = clock;
        this.passes = new PassStore(db.dialect());
    }

    /** Activates the pass of {@code r} for its holder at {@code device} (any role), or answers a retry the same. */
    public Activated activate(DeviceRow device, Request r) {
        if (r == null
                || r.requestId() == null
                || !REQUEST_ID.matcher(r.requestId()).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, "requestId must be 1..64 of A-Z a-z 0-9 _ . : -");
        }
        if (r.pass() == null || r.pass().isBlank() || r.pass().length() > MAX_PASS) {
            throw new ServiceException(Problem.BAD_REQUEST, "pass (the scanned pass text) must be 1.." + MAX_PASS);
        }
        if (r.holder() == null) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "holder (the document as read: type, number, name) is required");
        }
        if (r.face() == null
                || r.face().template() == null
                || r.face().template().isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "face.template (the captured face, base64) is required");
        }
        byte[] template = base64(r.face().template());
        // the pass and the holder: a retry may carry a face captured again (the first attempt's face is the one bound)
        String fingerprint = identities.fingerprint(r.pass().strip(), List.of(r.holder()));
        Optional<Activated> done = db.read(c -> replay(c, device, r.requestId(), fingerprint));
        if (done.isPresent()) {
            return done.get();
        }
        AnnualPass p = db.read(c -> check(c, device, r));
        String source = device.role() == DeviceRole.GATE ? "GATE" : "KIOSK";
        // three steps, each its own transaction (the services own theirs); the request's row names the capture, so a
        // retry after any of them finds out whether this request activated the pass
        FaceService.Captured face = faces.capture(template, null, source);
        try {
            db.tx(c -> {
                requests.attempt(
                        c,
                        device.id(),
                        r.requestId(),
                        new ActivationRequestStore.Attempt(fingerprint, p.id(), face.reference()),
                        clock.instant());
                return null;
            });
        } catch (StoreException e) {
            throw new ServiceException(
                    Problem.CONFLICT,
                    "request " + r.requestId() + " is being answered already: retry it",
                    r.requestId());
        }
        AnnualPass a;
        try {
            a = annual.activate(p.id(), r.holder(), new Enrolment(source, face.reference()));
        } catch (ServiceException e) {
            if (e.problem() == Problem.PASS_STATE) {
                db.read(c -> check(c, device, r)); // changed since the check: say how (ALREADY_ACTIVE, PASS_FROZEN)
            }
            throw e;
        }
        LOG.info("annual pass {} activated at device {} ({})", a.id(), device.id(), source);
        return db.read(c -> view(c, a));
    }

    /** The answer of a request that activated its pass already; CONFLICT when the id came with another body. */
    private Optional<Activated> replay(Connection c, DeviceRow device, String requestId, String fingerprint)
            throws SQLException {
        Optional<ActivationRequestStore.Attempt> d = requests.find(c, device.id(), requestId);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        if (!d.get().fingerprint().equals(fingerprint)) {
            throw new ServiceException(
                    Problem.CONFLICT, "requestId " + requestId + " was used for another activation", requestId);
        }
        AnnualPass p = annualStore.find(c, d.get().annualId()).orElseThrow();
        boolean ours =
                !p.state().equals(AnnualPass.SOLD) && d.get().captureRef().equals(p.enrolmentRef());
        return ours ? Optional.of(view(c, p)) : Optional.empty();
    }

    /** The annual pass the scanned text stands for, if this device may activate it for this holder now. */
    private AnnualPass check(Connection c, DeviceRow device, Request r) throws SQLException {
        String text = r.pass().strip();
        String passId;
        try {
            passId = PassCodec.decode(text).claims().passId();
        } catch (ScenicPassException | IllegalArgumentException e) {
            throw unknown();
        }
        Optional<PassRecord> rec = passes.find(c, passId);
        Optional<AnnualPass> found = annualStore.find(c, passId);
        if (rec.isEmpty() || !rec.get().passText().equals(text) || found.isEmpty()) {
            throw unknown();
        }
        AnnualPass p = found.get();
        switch (p.state()) {
            case AnnualPass.ACTIVE ->
                throw new ServiceException(
                        Problem.ALREADY_ACTIVE, "the annual pass was activated on " + p.activatedAt(), p.id());
            case AnnualPass.FROZEN ->
                throw new ServiceException(
                        Problem.PASS_FROZEN,
                        "the annual pass is frozen: the holder can appeal at the visitor centre",
                        p.id());
            case AnnualPass.SOLD -> {}
            default -> throw new ServiceException(Problem.PASS_STATE, "the annual pass is " + p.state(), p.id());
        }
        Product product = catalogue.product(c, p.productId()).orElseThrow();
        Optional<String> zone = device.gateId() == null
                ? Optional.empty()
                : site.gate(c, device.gateId()).map(SiteStore.Gate::zoneId);
        if (!product.zones().isEmpty() && zone.isPresent() && !product.zones().contains(zone.get())) {
            throw new ServiceException(
                    Problem.WRONG_AREA,
                    "the annual pass is for " + String.join(", ", product.zones()) + ", not for " + zone.get(),
                    p.id());
        }
        Document doc = Documents.validate(
                r.holder(),
                "holder",
                clock.instant().atZone(ZoneId.of(product.timeZone())).toLocalDate(),
                true);
        List<String> named = manifest.holderBindings(c, p.passId()); // the sold pass's own real-name holder(s)
        if (!named.isEmpty() && !named.contains(identities.hashes(c, doc).binding())) {
            throw new ServiceException(
                    Problem.DOCUMENT_MISMATCH,
                    "the annual pass was bought in the name of someone else: its holder activates it",
                    p.id());
        }
        liveness(r.face());
        return p;
    }

    /** The vendor's verdict must be PASSED: FAILED is LIVENESS_FAILED, none (or UNKNOWN) LIVENESS_MISSING. */
    private static void liveness(Face f) {
        String l = f.liveness() == null ? "UNKNOWN" : f.liveness();
        switch (l) {
            case "PASSED" -> {}
            case "FAILED" ->
                throw new ServiceException(
                        Problem.LIVENESS_FAILED, "the camera did not see a live face: look at the camera again");
            case "UNKNOWN" ->
                throw new ServiceException(
                        Problem.LIVENESS_MISSING,
                        "a face without the camera's liveness verdict cannot activate a pass");
            default ->
                throw new ServiceException(Problem.BAD_REQUEST, "face.liveness must be PASSED, FAILED or UNKNOWN");
        }
    }

    private Activated view(Connection c, AnnualPass a) throws SQLException {
        String text = passes.find(c, a.passId()).map(PassRecord::passText).orElse(null);
        return new Activated(
                a.id(),
                a.passId(),
                text,
                a.productId(),
                a.state(),
                a.validFrom(),
                a.validUntil(),
                a.holderMasked(),
                a.enrolmentSource());
    }

    private static byte[] base64(String v) {
        try {
            return Base64.getDecoder().decode(v.strip());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "face.template must be base64");
        }
    }

    private static ServiceException unknown() {
        return new ServiceException(
                Problem.PASS_UNKNOWN, "this is not an annual pass of this park (scan the pass's QR code again)");
    }
}
