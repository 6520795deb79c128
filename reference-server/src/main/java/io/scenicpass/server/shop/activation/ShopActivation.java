package io.scenicpass.server.shop.activation;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.face.FacePhotos;
import io.scenicpass.server.face.FaceService;
import io.scenicpass.server.face.PhotoRefusal;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.AnnualPasses;
import io.scenicpass.server.passes.PassHolderHook.Enrolment;
import io.scenicpass.server.shop.activation.store.FaceConsentStore;
import io.scenicpass.server.shop.activation.store.FaceConsentStore.Consent;
import io.scenicpass.server.shop.store.ShopOrderStore;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The buyer activates an annual pass of their shop order: the pass's state and deadline are checked first, then the
 * photo becomes a template ({@link FacePhotos}), captured ({@link FaceService#capture}, the photo kept only when the
 * operator's setting says so), the consent recorded against that capture, and the pass activated with enrolment source
 * SHOP, which binds the capture to the new pass. A refused activation discards its capture and consent at once.
 */
public final class ShopActivation {
    /** What the page posted: the holder's document, the photo, the consent box and the statement shown with it. */
    public record Request(IdentityInput holder, byte[] photo, boolean consent, String statement, String lang) {}

    private final Database db;
    private final AnnualPasses annual;
    private final ShopOrderStore orders;
    private final FaceService faces;
    private final FacePhotos photos;
    private final FaceConsentStore consents = new FaceConsentStore();
    private final Clock clock;

    public ShopActivation(
            Database db,
            AnnualPasses annual,
            ShopOrderStore orders,
            FaceService faces,
            FacePhotos photos,
            Clock clock) {
        this.db = db;
        this.annual = annual;
        this.orders = orders;
        this.faces = faces;
        this.photos = photos;
        this.clock = clock;
    }

    /** The annual pass {@code id} if {@code visitorId} bought it in the shop: else PASS_NOT_FOUND or NOT_YOUR_PASS. */
    public AnnualPass owned(long visitorId, String id) {
        AnnualPass p;
        try {
            p = annual.get(id);
        } catch (ServiceException e) {
            throw ActivationRefusal.notFound();
        }
        Optional<Long> owner = db.read(c -> orders.owner(c, p.bookingUuid()));
        if (owner.isEmpty() || owner.get() != visitorId) {
            throw ActivationRefusal.notYours();
        }
        return p;
    }

    /** Activates the visitor's own pass {@code id} for the holder in {@code r}; refusals are typed. */
    public AnnualPass activate(long visitorId, String id, Request r) {
        AnnualPass p = owned(visitorId, id);
        requireActivatable(p);
        if (r.holder() == null) {
            throw ActivationRefusal.of("HOLDER_REQUIRED", "the holder's document is required");
        }
        if (!r.consent()) {
            throw ActivationRefusal.of("CONSENT_REQUIRED", "the holder's consent to face use is required");
        }
        BiometricTemplate template;
        try {
            template = photos.template(r.photo());
        } catch (PhotoRefusal e) {
            throw ActivationRefusal.of(e.code().name(), e.getMessage());
        }
        FaceService.Captured capture = faces.capture(template.data(), r.photo(), "SHOP");
        db.tx(c -> {
            consents.insert(
                    c, new Consent(capture.reference(), p.id(), visitorId, r.lang(), r.statement(), clock.instant()));
            return null;
        });
        try {
            return annual.activate(p.id(), r.holder(), new Enrolment("SHOP", capture.reference()));
        } catch (ServiceException e) {
            faces.discard(capture.reference());
            db.tx(c -> {
                consents.delete(c, capture.reference()); // a consent stays only beside the face it was given for
                return null;
            });
            throw refusal(e, p.id());
        }
    }

    /** The consents recorded for an annual pass (the operator's evidence; tests). */
    public List<Consent> consents(String annualId) {
        return db.read(c -> consents.ofPass(c, annualId));
    }

    /** Refuses a pass that is not SOLD or whose activation deadline has passed (before the photo is looked at). */
    public void requireActivatable(AnnualPass p) {
        if (!p.state().equals(AnnualPass.SOLD)) {
            throw stateRefusal(p.state());
        }
        if (!clock.instant().isBefore(p.activateBy())) {
            throw ActivationRefusal.of("DEADLINE_PASSED", "the pass had to be activated by " + p.activateBy());
        }
    }

    private ActivationRefusal refusal(ServiceException e, String id) {
        if (e.problem() == Problem.ACTIVATION_DEADLINE_PASSED) {
            return ActivationRefusal.of("DEADLINE_PASSED", e.getMessage());
        }
        if (e.problem() == Problem.PASS_STATE) {
            return stateRefusal(annual.get(id).state()); // activated meanwhile (a double submit, the kiosk)
        }
        if (e.problem() == Problem.BAD_REQUEST || e.problem() == Problem.UNPROCESSABLE_ENTITY) {
            return ActivationRefusal.of("DOCUMENT_INVALID", e.getMessage());
        }
        return ActivationRefusal.of("REFUSED", e.getMessage());
    }

    private static ActivationRefusal stateRefusal(String state) {
        switch (state) {
            case AnnualPass.ACTIVE:
                return ActivationRefusal.of("ALREADY_ACTIVE", "the pass is active already");
            case AnnualPass.FROZEN:
                return ActivationRefusal.of("PASS_FROZEN", "the pass is frozen");
            default:
                return ActivationRefusal.of("PASS_REFUNDED", "the pass was refunded");
        }
    }
}
