package io.scenicpass.server.invoices;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.invoices.store.InvoiceStore;
import io.scenicpass.server.mail.SmtpMailer;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invoices of paid bookings: one per booking (a second request answers the first, whatever it asks), issued through
 * the {@link InvoiceProvider}, the PDF mailed when mail is on; contact data and PDF encrypted with the identity
 * secret, masked in every answer, erased after the retention period or on request.
 */
public final class InvoiceService {
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceService.class);
    private static final int BATCH = 100;
    /** A mail the request itself is sending is left to it for this long before the job retries it. */
    static final Duration MAIL_GRACE = Duration.ofMinutes(1);

    private final Database db;
    private final InvoiceStore store;
    private final BookingStore bookings;
    private final CatalogueStore catalogue = new CatalogueStore();
    private final IdentityKeys keys;
    private final InvoiceProvider provider;
    private final String unavailable;
    private final SmtpMailer mailer;
    private final InvoiceSettings settings;
    private final String seller;
    private final Clock clock;
    private final Ids ids;

    /** {@code provider} null: requests are refused (503) with {@code unavailable} as the reason. */
    public InvoiceService(
            Database db,
            InvoiceStore store,
            BookingStore bookings,
            IdentityKeys keys,
            InvoiceProvider provider,
            String unavailable,
            SmtpMailer mailer,
            InvoiceSettings settings,
            String seller,
            Clock clock,
            Ids ids) {
        this.db = db;
        this.store = store;
        this.bookings = bookings;
        this.keys = keys;
        this.provider = provider;
        this.unavailable = unavailable;
        this.mailer = mailer;
        this.settings = settings;
        this.seller = seller;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Issues the booking's invoice, or answers the one it has. A provider failure leaves the invoice ISSUING and is
     * a 503: the next request (with any data) finishes it with the first request's data and the same invoice id.
     */
    public Invoice request(String bookingUuid, InvoiceInput input, Invoice.Source source) {
        InvoiceInput in = input.validated();
        if (provider == null) {
            throw new ServiceException(Problem.SERVICE_UNAVAILABLE, unavailable);
        }
        InvoiceStore.Row row = db.tx(c -> {
            Booking b = paidBooking(c, bookingUuid);
            Optional<InvoiceStore.Row> had = store.byBooking(c, bookingUuid);
            if (had.isPresent()) {
                return had.get();
            }
            String id = ids.sortableId();
            store.insertIfAbsent(
                    c,
                    new InvoiceStore.Row(
                            id,
                            bookingUuid,
                            Invoice.State.ISSUING,
                            source.name(),
                            provider.name(),
                            null,
                            b.currency(),
                            b.totalRetail(),
                            keys.encrypt(in.buyerTitle(), context(id, "title")),
                            in.taxNumber() == null ? null : keys.encrypt(in.taxNumber(), context(id, "tax")),
                            keys.encrypt(in.email(), context(id, "email")),
                            null,
                            settings.mailOn() ? Invoice.MailState.PENDING : Invoice.MailState.OFF,
                            0,
                            clock.instant(),
                            null,
                            null,
                            null));
            return store.byBooking(c, bookingUuid).orElseThrow(); // ours, or a concurrent request's
        });
        if (row.state() == Invoice.State.ISSUING) {
            issue(row);
        }
        return view(db.read(c -> store.get(c, row.id())).orElseThrow());
    }

    /** The booking's invoice, if it has one. */
    public Optional<Invoice> forBooking(String bookingUuid) {
        return db.read(c -> store.byBooking(c, bookingUuid)).map(this::view);
    }

    public Invoice get(String id) {
        return view(row(id));
    }

    /** Newest first; {@code bookingUuid} null for all. */
    public List<Invoice> list(String bookingUuid, int limit) {
        return db.read(c -> store.list(c, bookingUuid, limit)).stream()
                .map(this::view)
                .toList();
    }

    /** The PDF of an issued invoice; 404 before it is issued or after it was erased. */
    public byte[] pdf(String id) {
        InvoiceStore.Row r = row(id);
        if (r.pdf() == null) {
            throw new ServiceException(
                    Problem.NOT_FOUND,
                    r.erasedAt() != null
                            ? "the invoice's PDF was erased with the buyer's data (its number stays)"
                            : "the invoice is not issued yet: ask for it again",
                    id);
        }
        return Base64.getDecoder().decode(keys.decrypt(r.pdf(), context(id, "pdf")));
    }

    /** Sends the mails due (first attempts a request left over, retries); returns how many were sent. */
    public int mailDue() {
        if (mailer == null) {
            return 0;
        }
        Instant before = clock.instant().minus(MAIL_GRACE);
        int sent = 0;
        for (String id : db.read(c -> store.mailDue(c, before, BATCH))) {
            sent += mail(id) ? 1 : 0;
        }
        return sent;
    }

    /** Erases the contact data and PDF of invoices asked for more than the retention period ago; returns how many. */
    public int eraseExpired() {
        Instant before = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        int n = 0;
        while (true) {
            List<String> due = db.read(c -> store.erasable(c, before, BATCH));
            for (String id : due) {
                n += erase(id) ? 1 : 0;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        if (n > 0) {
            LOG.info("invoice retention: erased the buyer's data of {} invoices asked for before {}", n, before);
        }
        return n;
    }

    /** Erases one invoice's contact data and PDF (a deletion request); false when already erased. */
    public boolean erase(String id) {
        row(id);
        return db.tx(c -> store.erase(c, id, clock.instant()));
    }

    private void issue(InvoiceStore.Row row) {
        InvoiceProvider.Request req = db.read(c -> request(c, row));
        InvoiceProvider.Issued issued;
        try {
            issued = provider.issue(req);
        } catch (RuntimeException e) {
            LOG.warn("invoice {}: the provider {} failed: {}", row.id(), provider.name(), e.toString());
            throw new ServiceException(
                    Problem.SERVICE_UNAVAILABLE, "the invoice provider did not answer: ask again", row.id());
        }
        String pdf = keys.encrypt(Base64.getEncoder().encodeToString(issued.pdf()), context(row.id(), "pdf"));
        boolean mine = db.tx(c -> store.issued(c, row.id(), issued.number(), pdf, clock.instant(), row.mailState()));
        if (mine && row.mailState() == Invoice.MailState.PENDING) {
            mail(row.id());
        }
    }

    /** One mail attempt; the outcome is stored (PENDING again until the last attempt, then FAILED). */
    private boolean mail(String id) {
        InvoiceStore.Row r = row(id);
        if (r.mailState() != Invoice.MailState.PENDING || r.email() == null) {
            return false;
        }
        Invoice.MailState outcome;
        try {
            mailer.send(
                    keys.decrypt(r.email(), context(id, "email")),
                    "电子发票 Invoice " + r.number(),
                    "您好，附件是您的电子发票 " + r.number() + "。\nHello, attached is your invoice " + r.number() + ".\n",
                    r.number() + ".pdf",
                    pdf(id));
            outcome = Invoice.MailState.SENT;
        } catch (Exception e) {
            outcome = r.mailAttempts() + 1 >= settings.mail().attempts()
                    ? Invoice.MailState.FAILED
                    : Invoice.MailState.PENDING;
            LOG.warn("invoice {}: mail attempt {} failed ({}): {}", id, r.mailAttempts() + 1, outcome, e.toString());
        }
        Invoice.MailState o = outcome;
        db.tx(c -> {
            store.mailed(c, id, o, clock.instant());
            return null;
        });
        return o == Invoice.MailState.SENT;
    }

    private Booking paidBooking(java.sql.Connection c, String uuid) throws java.sql.SQLException {
        Booking b = bookings.find(c, uuid)
                .orElseThrow(() -> new ServiceException(Problem.INVALID_BOOKING_UUID, "unknown booking", uuid));
        if (b.status() != BookingState.CONFIRMED && b.status() != BookingState.REDEEMED) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "only a paid booking gets an invoice; this one is " + b.status(),
                    uuid);
        }
        return b;
    }

    /** The provider's request: the booking's items grouped by unit and price, the first request's buyer. */
    private InvoiceProvider.Request request(java.sql.Connection c, InvoiceStore.Row r) throws java.sql.SQLException {
        Booking b = bookings.find(c, r.bookingUuid()).orElseThrow();
        Optional<Product> product = catalogue.product(c, b.productId());
        Map<String, String> unitNames = new LinkedHashMap<>();
        for (Unit u : catalogue.units(c, b.optionId())) {
            unitNames.put(u.id(), u.internalName());
        }
        String what = product.map(Product::internalName).orElse(b.productId()) + " · " + b.localDate();
        Map<String, long[]> groups = new LinkedHashMap<>(); // unit|price → {count, price}
        for (Booking.UnitItem i : b.unitItems()) {
            groups.computeIfAbsent(i.unitId() + "|" + i.retail(), k -> new long[] {0, i.retail()})[0]++;
        }
        List<InvoiceProvider.Line> lines = new ArrayList<>();
        groups.forEach((k, v) -> {
            String unit = k.substring(0, k.lastIndexOf('|'));
            lines.add(new InvoiceProvider.Line(
                    what + " · " + unitNames.getOrDefault(unit, unit), (int) v[0], v[1], v[0] * v[1]));
        });
        return new InvoiceProvider.Request(
                r.id(),
                seller,
                b.supplierReference(),
                keys.decrypt(r.buyerTitle(), context(r.id(), "title")),
                r.taxNumber() == null ? null : keys.decrypt(r.taxNumber(), context(r.id(), "tax")),
                keys.decrypt(r.email(), context(r.id(), "email")),
                lines,
                r.totalFen(),
                r.currency(),
                clock.instant(),
                java.time.ZoneId.of(product.map(Product::timeZone).orElse("Asia/Shanghai")));
    }

    private InvoiceStore.Row row(String id) {
        return db.read(c -> store.get(c, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "unknown invoice", id));
    }

    private Invoice view(InvoiceStore.Row r) {
        String title = r.buyerTitle() == null ? null : keys.decrypt(r.buyerTitle(), context(r.id(), "title"));
        String tax = r.taxNumber() == null ? null : keys.decrypt(r.taxNumber(), context(r.id(), "tax"));
        String mail = r.email() == null ? null : keys.decrypt(r.email(), context(r.id(), "email"));
        return new Invoice(
                r.id(),
                r.bookingUuid(),
                r.state(),
                r.source(),
                r.provider(),
                r.number(),
                r.currency(),
                r.totalFen(),
                Invoice.maskTitle(title),
                Invoice.maskTax(tax),
                Invoice.maskEmail(mail),
                r.mailState(),
                r.createdAt(),
                r.issuedAt(),
                r.mailedAt(),
                r.erasedAt());
    }

    /** The AES-GCM context of one field: a ciphertext moved to another row or field does not decrypt. */
    private static String context(String id, String field) {
        return "invoice:" + id + ":" + field;
    }
}
