package io.scenicpass.server.passes;

import io.scenicpass.core.Blacklist;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.store.BlacklistStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.Document;
import io.scenicpass.server.identity.Documents;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.passes.PassHolderHook.Enrolment;
import io.scenicpass.server.passes.store.AnnualPassStore;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.RefundLineStore;
import io.scenicpass.server.terminal.store.ManifestStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The annual pass's lifecycle: activation (holder + enrolment, before the deadline; signs the real pass from the
 * local day of activation for the product's months), freeze (a blacklist entry for the pass, so gates refuse it
 * offline with FROZEN) with a reason, appeal, unfreeze (the entry removed), renewal (a new pass with the same holder,
 * the old revoked), refund pro rata ({@link #refundDue}). Each change in one transaction with the pass's row locked.
 */
public final class AnnualPasses {
    private static final Set<String> SOURCES = Set.of("GATE", "KIOSK", "SHOP", "ADMIN");

    private final Database db;
    private final AnnualPassStore store;
    private final PassProducts products;
    private final CatalogueService catalogue;
    private final IssuanceService issuance;
    private final IdentityService identities;
    private final PassStore passes;
    private final BookingStore bookings;
    private final Clock clock;
    private final BlacklistStore blacklist = new BlacklistStore();
    private final ManifestStore manifest = new ManifestStore();
    private final RefundLineStore refunds = new RefundLineStore();
    private volatile PassHolderHook hook = PassHolderHook.NONE;

    public AnnualPasses(
            Database db,
            AnnualPassStore store,
            PassProducts products,
            CatalogueService catalogue,
            IssuanceService issuance,
            IdentityService identities,
            PassStore passes,
            BookingStore bookings,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.products = products;
        this.catalogue = catalogue;
        this.issuance = issuance;
        this.identities = identities;
        this.passes = passes;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Sets who learns of activations, reissues and ends (the face module). */
    public void hook(PassHolderHook h) {
        this.hook = h == null ? PassHolderHook.NONE : h;
    }

    /** An annual pass by its id or its current signed pass id, or NOT_FOUND. */
    public AnnualPass get(String id) {
        return db.read(c -> store.find(c, id)).orElseThrow(() -> notFound(id));
    }

    /** Newest first, optionally in one state (SOLD, ACTIVE, FROZEN, REFUNDED), at most 500. */
    public List<AnnualPass> list(String state) {
        return db.read(c -> store.list(c, state, 500));
    }

    /** The annual passes booking {@code bookingUuid} sold (the shop's "my tickets"). */
    public List<AnnualPass> ofBooking(String bookingUuid) {
        return db.read(c -> store.ofBooking(c, bookingUuid));
    }

    /** The current signed pass's text (the QR) of an annual pass. */
    public String passText(AnnualPass p) {
        return db.read(c -> passes.find(c, p.passId()).map(PassRecord::passText).orElse(null));
    }

    /**
     * Activates a sold pass for {@code holder} (their identity document) with {@code enrolment}: signs the pass valid
     * from today's local midnight for the product's months, bound to the holder (gates find it by their document),
     * revokes the sold one. ACTIVATION_DEADLINE_PASSED after the deadline, PASS_STATE when not SOLD.
     */
    public AnnualPass activate(String id, IdentityInput holder, Enrolment enrolment) {
        if (holder == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "holder (type, number, name) is required");
        }
        if (enrolment == null
                || enrolment.source() == null
                || !SOURCES.contains(enrolment.source())
                || enrolment.reference() == null
                || enrolment.reference().isBlank()
                || enrolment.reference().length() > 200) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "enrolment needs source " + SOURCES + " and a reference of 1..200 characters");
        }
        Instant now = clock.instant();
        return change(id, (c, p, product, terms) -> {
            state(p, AnnualPass.SOLD, "activated");
            if (!now.isBefore(p.activateBy())) {
                throw new ServiceException(
                        Problem.ACTIVATION_DEADLINE_PASSED,
                        "the pass had to be activated by " + p.activateBy() + "; it cannot be activated any more",
                        p.id());
            }
            ZoneId zone = ZoneId.of(product.timeZone());
            Document doc = Documents.validate(holder, "holder", now.atZone(zone).toLocalDate(), true);
            String binding = identities.hashes(c, doc).binding();
            Instant from = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            Instant until = from.atZone(zone).plusMonths(terms.validityMonths()).toInstant();
            PassRecord rec = issuance.reissue(
                    c,
                    p.bookingUuid(),
                    p.passId(),
                    product,
                    from,
                    until,
                    cb -> cb.activationRequired(false).validFrom(from).validUntil(until));
            passes.revoke(c, p.passId(), "activated", now);
            manifest.addHolderBindings(c, rec.passId(), List.of(binding));
            AnnualPass a = new AnnualPass(
                    p.id(),
                    rec.passId(),
                    p.bookingUuid(),
                    p.productId(),
                    AnnualPass.ACTIVE,
                    p.price(),
                    p.currency(),
                    p.purchasedAt(),
                    p.activateBy(),
                    now,
                    from,
                    until,
                    binding,
                    doc.maskedName() + " " + doc.maskedNumber(),
                    enrolment.source(),
                    enrolment.reference(),
                    null,
                    null,
                    null);
            store.update(c, a, now);
            hook.onActivated(c, a, enrolment);
            return a;
        });
    }

    /** Freezes an active pass (e.g. lent to someone else): gates refuse it with FROZEN once they sync. */
    public AnnualPass freeze(String id, String reason) {
        String why = text(reason, "reason", 500, true);
        Instant now = clock.instant();
        return change(id, (c, p, product, terms) -> {
            state(p, AnnualPass.ACTIVE, "frozen");
            blacklist.append(c, marker(p.passId()), "ADD", "annual pass frozen: " + p.id(), now);
            AnnualPass a = with(p, AnnualPass.FROZEN, why, null);
            store.update(c, a, now);
            return a;
        });
    }

    /** Records the holder's appeal against a freeze (the pass stays frozen until an operator unfreezes it). */
    public AnnualPass appeal(String id, String appeal) {
        String text = text(appeal, "appeal", 1000, true);
        Instant now = clock.instant();
        return change(id, (c, p, product, terms) -> {
            state(p, AnnualPass.FROZEN, "appealed");
            AnnualPass a = with(p, AnnualPass.FROZEN, p.freezeReason(), text);
            store.update(c, a, now);
            return a;
        });
    }

    /** Lifts a freeze: the blacklist entry is removed, gates admit the same pass again once they sync. */
    public AnnualPass unfreeze(String id) {
        Instant now = clock.instant();
        return change(id, (c, p, product, terms) -> {
            state(p, AnnualPass.FROZEN, "unfrozen");
            blacklist.append(c, marker(p.passId()), "REMOVE", "annual pass unfrozen: " + p.id(), now);
            AnnualPass a = with(p, AnnualPass.ACTIVE, null, p.appeal());
            store.update(c, a, now);
            return a;
        });
    }

    /**
     * Renews an active pass for the product's months from the end of its validity (or from today when it ended): a
     * new signed pass for the same holder, the old revoked. {@code price} (minor units, optional) is what the renewal
     * cost, the base of a later refund.
     */
    public AnnualPass renew(String id, Long price) {
        if (price != null && (price < 0 || price > 10_000_000)) {
            throw new ServiceException(Problem.BAD_REQUEST, "price must be 0..10000000 (minor units)");
        }
        Instant now = clock.instant();
        return change(id, (c, p, product, terms) -> {
            state(p, AnnualPass.ACTIVE, "renewed");
            ZoneId zone = ZoneId.of(product.timeZone());
            Instant today = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            Instant from = p.validUntil().isAfter(now) ? p.validFrom() : today;
            Instant base = p.validUntil().isAfter(now) ? p.validUntil() : today;
            Instant until = base.atZone(zone).plusMonths(terms.validityMonths()).toInstant();
            PassRecord rec = issuance.reissue(
                    c,
                    p.bookingUuid(),
                    p.passId(),
                    product,
                    from,
                    until,
                    cb -> cb.activationRequired(false).validFrom(from).validUntil(until));
            passes.revoke(c, p.passId(), "renewed", now);
            manifest.addHolderBindings(c, rec.passId(), List.of(p.holderBinding()));
            AnnualPass a = new AnnualPass(
                    p.id(),
                    rec.passId(),
                    p.bookingUuid(),
                    p.productId(),
                    AnnualPass.ACTIVE,
                    price == null ? p.price() : price,
                    p.currency(),
                    p.purchasedAt(),
                    p.activateBy(),
                    p.activatedAt(),
                    from,
                    until,
                    p.holderBinding(),
                    p.holderMasked(),
                    p.enrolmentSource(),
                    p.enrolmentRef(),
                    null,
                    p.appeal(),
                    null);
            store.update(c, a, now);
            hook.onReissued(c, a, p.passId());
            return a;
        });
    }

    /**
     * Refunds a pass pro rata: {@link #refundDue} given back (recorded as a refund line of its booking for the
     * reports), the pass revoked, REFUNDED.
     */
    public AnnualPass refund(String id) {
        Instant now = clock.instant();
        return change(id, (c, p, product, terms) -> {
            if (p.state().equals(AnnualPass.REFUNDED)) {
                throw new ServiceException(Problem.PASS_STATE, "the pass was refunded already", p.id());
            }
            long due = refundDue(p, terms, ZoneId.of(product.timeZone()), now);
            if (p.state().equals(AnnualPass.FROZEN)) {
                blacklist.append(c, marker(p.passId()), "REMOVE", "annual pass refunded: " + p.id(), now);
            }
            passes.revoke(c, p.passId(), "refunded", now);
            Booking b = bookings.find(c, p.bookingUuid()).orElseThrow();
            long net = p.price() == 0 ? 0 : Math.round((double) due * b.totalNet() / Math.max(1, b.totalRetail()));
            refunds.insert(c, b, 1, due, Math.min(net, due), now);
            AnnualPass a = new AnnualPass(
                    p.id(),
                    p.passId(),
                    p.bookingUuid(),
                    p.productId(),
                    AnnualPass.REFUNDED,
                    p.price(),
                    p.currency(),
                    p.purchasedAt(),
                    p.activateBy(),
                    p.activatedAt(),
                    p.validFrom(),
                    p.validUntil(),
                    p.holderBinding(),
                    p.holderMasked(),
                    p.enrolmentSource(),
                    p.enrolmentRef(),
                    p.freezeReason(),
                    p.appeal(),
                    due);
            store.update(c, a, now);
            hook.onEnded(c, a);
            return a;
        });
    }

    /** What a refund of {@code p} would give back now (see {@link #refundDue(AnnualPass, PassTerms, ZoneId, Instant)}). */
    public long refundDue(AnnualPass p) {
        return db.read(c -> refundDue(
                p,
                products.terms(c, p.productId()).orElse(PassTerms.annualDefaults()),
                ZoneId.of(products.product(c, p.productId()).timeZone()),
                clock.instant()));
    }

    /**
     * The refund rule: unused whole months (from now, or from the start of validity when later, to its end; all of
     * them before activation) × price ÷ the product's validity months, rounded down, minus the operator's fee, never
     * below 0.
     */
    public static long refundDue(AnnualPass p, PassTerms terms, ZoneId zone, Instant now) {
        long months;
        if (p.validUntil() == null) {
            months = terms.validityMonths();
        } else {
            Instant start = p.validFrom().isAfter(now) ? p.validFrom() : now;
            ZonedDateTime s = start.atZone(zone);
            months = Math.max(0, ChronoUnit.MONTHS.between(s, p.validUntil().atZone(zone)));
        }
        months = Math.min(months, terms.validityMonths());
        return Math.max(0, months * p.price() / terms.validityMonths() - terms.refundFee());
    }

    private interface Change {
        AnnualPass apply(Connection c, AnnualPass p, Product product, PassTerms terms) throws SQLException;
    }

    private AnnualPass change(String id, Change change) {
        if (id == null || id.length() > 40) {
            throw notFound(id);
        }
        return db.tx(c -> {
            AnnualPass p = store.lock(c, id).orElseThrow(() -> notFound(id));
            Product product = products.product(c, p.productId());
            PassTerms terms = products.terms(c, p.productId()).orElse(PassTerms.annualDefaults());
            return change.apply(c, p, product, terms);
        });
    }

    private static AnnualPass with(AnnualPass p, String state, String freezeReason, String appeal) {
        return new AnnualPass(
                p.id(),
                p.passId(),
                p.bookingUuid(),
                p.productId(),
                state,
                p.price(),
                p.currency(),
                p.purchasedAt(),
                p.activateBy(),
                p.activatedAt(),
                p.validFrom(),
                p.validUntil(),
                p.holderBinding(),
                p.holderMasked(),
                p.enrolmentSource(),
                p.enrolmentRef(),
                freezeReason,
                appeal,
                p.refunded());
    }

    private static void state(AnnualPass p, String expected, String verb) {
        if (!p.state().equals(expected)) {
            throw new ServiceException(
                    Problem.PASS_STATE,
                    "only a " + expected + " pass can be " + verb + "; this one is " + p.state(),
                    p.id());
        }
    }

    private static String marker(String passId) {
        return Blacklist.encode(HolderBinding.frozenPass(passId));
    }

    private static String text(String v, String name, int max, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                throw new ServiceException(Problem.BAD_REQUEST, name + " is required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be at most " + max + " characters");
        }
        return v.strip();
    }

    private static ServiceException notFound(String id) {
        return new ServiceException(
                Problem.NOT_FOUND, "no such annual pass", id == null || id.length() > 64 ? null : id);
    }
}
