package io.scenicpass.server.counter;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.counter.store.SaleStore.SaleRow;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.identity.store.PolicyStore.Policy;
import io.scenicpass.server.payments.Money;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sales at the counter: a hold of the channel {@code counter} per sale (idempotent by the device's sale id), paid
 * through {@link PaymentService} (NATIVE, CODE) or in cash at a box office, then confirmed, which issues the passes
 * once ({@link SaleCompletion}). Cancel and expiry give the places back; a payment that succeeds anyway is refunded.
 */
public final class CounterSales {
    /** One visitor: a unit and, where the product is sold by real name, the visitor's document. */
    public record Item(String unitId, IdentityInput identity) {}

    /** A new sale as the device sends it; {@code offerCode}: a promo or coupon code the visitor gave (null: none). */
    public record NewSale(
            String saleId, String productId, String slotId, List<Item> items, String shiftId, String offerCode) {
        public NewSale(String saleId, String productId, String slotId, List<Item> items, String shiftId) {
            this(saleId, productId, slotId, items, shiftId, null);
        }
    }

    /** How the visitor pays: NATIVE (QR on the screen), CODE (the visitor's payment code), CASH (box office). */
    public enum Method {
        NATIVE,
        CODE,
        CASH
    }

    /**
     * The box office's cash drawer (set by {@code counter.boxoffice}): {@link #shift} checks a sale's shift id at
     * creation, {@link #claim} takes a cash payment into the device's open shift, claiming the sale.
     */
    public interface CashDrawer {
        void shift(DeviceRow d, String shiftId);

        void claim(DeviceRow d, SaleRow row);
    }

    private volatile CashDrawer drawer = new CashDrawer() {
        public void shift(DeviceRow d, String shiftId) {}

        public void claim(DeviceRow d, SaleRow row) {}
    };

    private static final Pattern SALE_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Database db;
    private final SaleStore store;
    private final BookingService bookings;
    private final CatalogueService catalogue;
    private final IdentityService identities;
    private final PaymentService payments;
    private final CounterChannel channel;
    private final SaleCompletion completion;
    private final SaleViews views;
    private final Clock clock;

    CounterSales(
            Database db,
            SaleStore store,
            BookingService bookings,
            CatalogueService catalogue,
            IdentityService identities,
            PaymentService payments,
            CounterChannel channel,
            SaleCompletion completion,
            SaleViews views,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.identities = identities;
        this.payments = payments;
        this.channel = channel;
        this.completion = completion;
        this.views = views;
        this.clock = clock;
    }

    /** Holds the places of a new sale, or answers the sale already made under this sale id by this device. */
    public Sale create(DeviceRow d, NewSale req) {
        Sellers.seller(d);
        if (req == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "a sale body is required");
        }
        String saleId = saleId(req.saleId());
        SaleRow existing = db.read(c -> store.find(c, saleId)).orElse(null);
        if (existing != null) {
            return views.view(own(d, existing, true));
        }
        if (req.shiftId() != null) {
            Sellers.boxOffice(d, "shifts");
            drawer.shift(d, req.shiftId());
        }
        String slotId = req.slotId();
        int bar = slotId == null ? -1 : slotId.lastIndexOf('|');
        if (bar < 1) {
            throw new ServiceException(
                    Problem.INVALID_AVAILABILITY_ID, "slotId must be a slot id of the counter catalogue", slotId);
        }
        if (req.items() == null || req.items().isEmpty()) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "a sale needs at least one item");
        }
        requireDocuments(req, slotId.substring(0, bar));
        List<BookingCommands.Item> items = new ArrayList<>();
        StringBuilder what = new StringBuilder(req.productId() + "\u0000" + slotId);
        for (Item i : req.items()) {
            if (i == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "items[] must not hold null");
            }
            items.add(new BookingCommands.Item(i.unitId(), null, i.identity()));
            what.append('\u0000').append(i.unitId());
        }
        if (req.offerCode() != null) { // the same sale id with another code is another sale
            what.append('\u0000').append("offer:").append(req.offerCode());
        }
        Booking b = bookings.reserve(
                channel.get(),
                new BookingCommands.Reserve(
                                bookingUuid(saleId),
                                ChannelService.sha256Hex(what.toString()),
                                req.productId(),
                                slotId.substring(0, bar),
                                slotId.substring(bar + 1),
                                items,
                                null,
                                new BookingCommands.Details(null, null, "counter sale at device " + d.id()))
                        .withOffer(new BookingCommands.OfferCode(req.offerCode(), buyer(req.items()))));
        Instant now = clock.instant();
        SaleRow row = new SaleRow(
                saleId,
                d.id(),
                req.shiftId(),
                b.uuid(),
                b.productId(),
                b.slotId(),
                b.totalRetail(),
                b.currency(),
                null,
                null,
                SaleState.AWAITING_PAYMENT,
                now,
                now);
        try {
            db.tx(c -> {
                store.insert(c, row);
                return null;
            });
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // the same sale id raced in: answer the sale that won
            return views.view(own(d, db.read(c -> store.find(c, saleId)).orElseThrow(), true));
        }
        return views.view(row);
    }

    /** Who buys, as far as the first visitor's document says (segment offers, per-visitor limits), or null. */
    private static io.scenicpass.server.visitors.VisitorHint buyer(List<Item> items) {
        for (Item i : items) {
            IdentityInput id = i.identity();
            if (id != null && id.type() != null && id.number() != null) {
                try {
                    return io.scenicpass.server.visitors.VisitorHint.document(
                            io.scenicpass.core.DocumentType.valueOf(id.type()), id.number());
                } catch (IllegalArgumentException e) {
                    return null; // an unknown type: the identity check refuses it with its own error
                }
            }
        }
        return null;
    }

    /** The device's own sale, its state brought up to date (payment asked, hold expiry). */
    public Sale get(DeviceRow d, String saleId) {
        Sellers.seller(d);
        return views.view(completion.refresh(own(d, find(saleId), false), true));
    }

    /**
     * Pays the sale: NATIVE answers the QR to show (PAID later), CODE charges the scanned code at once, CASH (box
     * office only) completes at once. A retry with the same method never charges twice; a paid sale is answered as is.
     */
    public Sale pay(DeviceRow d, String saleId, Method method, String paymentCode, Long tenderedFen) {
        Sellers.seller(d);
        if (method == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "method must be NATIVE, CODE or CASH");
        }
        if (method == Method.CASH) {
            Sellers.boxOffice(d, "cash payments");
        }
        SaleRow row = completion.refresh(own(d, find(saleId), false), false);
        if (row.state() == SaleState.PAID || row.state() == SaleState.CONFIRMING) {
            return views.view(row);
        }
        if (!row.state().payable()) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "the sale is " + row.state() + ": start a new sale", saleId);
        }
        if (method == Method.CASH && tenderedFen != null && tenderedFen < row.amountFen()) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "tenderedFen must be at least the sale's amount (" + row.amountFen() + ")");
        }
        Payment live = row.paymentId() == null ? null : payments.get(row.paymentId());
        if (live != null
                && live.state() == Payment.State.PENDING
                && !live.method().name().equals(method.name())) {
            // another method now: the open payment is asked once more, then given up (paid late → refunded)
            live = payments.refresh(live.id());
            if (live.state() == Payment.State.PENDING) {
                payments.abandon(live.id());
            }
            row = find(saleId);
            if (!row.state().payable()) {
                return views.view(row);
            }
        }
        if (method == Method.CASH || row.amountFen() == 0) {
            if (method == Method.CASH) {
                drawer.claim(d, row);
            }
            completion.complete(saleId, null, method.name());
            return views.view(find(saleId));
        }
        String ref = SaleCompletion.orderRef(saleId);
        Money amount = new Money(row.amountFen(), row.currency());
        String description = description(row);
        Payment p = method == Method.NATIVE
                ? payments.startNative(ref, amount, description)
                : payments.payByCode(ref, amount, description, paymentCode);
        Instant now = clock.instant();
        db.tx(c -> {
            store.setPayment(c, saleId, p.id(), method.name(), now);
            if (p.state() == Payment.State.FAILED) {
                store.transition(c, saleId, List.of(SaleState.AWAITING_PAYMENT), SaleState.DECLINED, now);
            } else if (p.state() == Payment.State.PENDING) {
                store.transition(c, saleId, List.of(SaleState.DECLINED), SaleState.AWAITING_PAYMENT, now);
            }
            return null;
        });
        if (p.state() == Payment.State.SUCCEEDED) {
            completion.complete(saleId, p, method.name()); // done already by the paid-listener: changes nothing
        }
        return views.view(find(saleId));
    }

    /** Cancels an unpaid sale: places back, an open payment given up (paid anyway later → refunded). */
    public Sale cancel(DeviceRow d, String saleId) {
        Sellers.seller(d);
        SaleRow row = own(d, find(saleId), false);
        if (row.state() != SaleState.CANCELLED && !completion.cancel(row)) {
            SaleRow now = find(saleId);
            if (now.state() != SaleState.CANCELLED) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "the sale is " + now.state().wire()
                                + (now.state() == SaleState.PAID ? ": refunds are made at the box office" : ""),
                        saleId);
            }
        }
        return views.view(find(saleId));
    }

    /** Sets the box office's cash drawer. */
    public void cashDrawer(CashDrawer d) {
        drawer = d;
    }

    /** Any device's sale as the wire shows it (the box office refunds sales made at other counters too). */
    public Sale view(String saleId) {
        return views.view(find(saleId));
    }

    /** The booking uuid of a sale (booking uuids are shared by all channels: the prefix keeps them apart). */
    public static String bookingUuid(String saleId) {
        return "ctr-" + saleId;
    }

    private SaleRow find(String saleId) {
        String id = saleId(saleId);
        return db.read(c -> store.find(c, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such sale", saleId));
    }

    /** The sale when it is this device's; another device's is unknown to it (or a CONFLICT when it reuses the id). */
    private static SaleRow own(DeviceRow d, SaleRow row, boolean creating) {
        if (!row.deviceId().equals(d.id())) {
            throw creating
                    ? new ServiceException(Problem.CONFLICT, "saleId is already used by another device", row.saleId())
                    : new ServiceException(Problem.NOT_FOUND, "no such sale", row.saleId());
        }
        return row;
    }

    /** A real-name product's documents must come with the sale: refused before any place is held or paid for. */
    private void requireDocuments(NewSale req, String optionId) {
        CatalogueService.ProductView pv =
                catalogue.product(req.productId(), channel.get().id());
        CatalogueService.OptionView ov = pv.option(optionId);
        if (ov == null) {
            throw new ServiceException(Problem.INVALID_AVAILABILITY_ID, "slotId is not a slot of this product");
        }
        Policy policy = db.read(c -> identities.policy(c, req.productId()));
        for (int i = 0; i < req.items().size(); i++) {
            Item item = req.items().get(i);
            Unit u = item == null || item.unitId() == null ? null : ov.unit(item.unitId());
            if (u != null && item.identity() == null && IdentityService.requires(policy, i, u)) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "items[" + i + "].identity is required: product " + req.productId() + " is sold by real name",
                        u.id());
            }
        }
    }

    private static String description(SaleRow row) {
        String d = "ScenicPass " + row.productId();
        return d.length() > 127 ? d.substring(0, 127) : d;
    }

    private static String saleId(String s) {
        String id = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (!SALE_ID.matcher(id).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, "saleId must be a UUID (the device makes it)", s);
        }
        return id;
    }
}
