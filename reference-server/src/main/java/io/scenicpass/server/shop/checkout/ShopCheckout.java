package io.scenicpass.server.shop.checkout;

import io.scenicpass.core.DocumentType;
import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.identity.store.PolicyStore.Policy;
import io.scenicpass.server.payments.Money;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentProvider;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.shop.checkout.store.CheckoutStore;
import io.scenicpass.server.shop.checkout.store.CheckoutStore.CheckoutRow;
import io.scenicpass.server.shop.travellers.Travellers;
import io.scenicpass.server.visitors.VisitorHint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shop's checkout: a hold of the channel {@code shop} with the visitor's saved travellers on its real-name unit
 * items (idempotent by the form's order reference), paid through {@link PaymentService} (H5, or JSAPI inside WeChat),
 * then confirmed with its passes issued once ({@link CheckoutCompletion}). Expiry and cancel give the places back.
 */
public final class ShopCheckout {
    /** One visitor of the order: a unit and, for a real-name unit, the saved traveller who goes with it. */
    public record Line(String unitId, String travellerId) {}

    /**
     * An order as the checkout form sends it; {@code slotId} is {@code optionId|availabilityId}; {@code offerCode} a
     * promo or coupon code the visitor typed (null: none).
     */
    public record Order(String ref, String productId, String slotId, List<Line> lines, String offerCode) {
        public Order(String ref, String productId, String slotId, List<Line> lines) {
            this(ref, productId, slotId, lines, null);
        }
    }

    /** Writes the order's {@code shop_order} link in the hold's transaction (web's {@code ShopOrderStore}). */
    public interface OrderLinks {
        void link(Connection c, String bookingId, long visitorId) throws SQLException;
    }

    private static final Pattern REF = Pattern.compile("[0-9A-Z]{26}");

    private final Database db;
    private final CheckoutStore store;
    private final BookingService bookings;
    private final PaymentService payments;
    private final Travellers travellers;
    private final CatalogueService catalogue;
    private final IdentityService identities;
    private final ShopChannel channel;
    private final CheckoutCompletion completion;
    private final Ids ids;
    private final Clock clock;
    private volatile OrderLinks links = (c, bookingId, visitorId) -> {};

    ShopCheckout(
            Database db,
            CheckoutStore store,
            BookingService bookings,
            PaymentService payments,
            Travellers travellers,
            CatalogueService catalogue,
            IdentityService identities,
            ShopChannel channel,
            CheckoutCompletion completion,
            Ids ids,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.bookings = bookings;
        this.payments = payments;
        this.travellers = travellers;
        this.catalogue = catalogue;
        this.identities = identities;
        this.channel = channel;
        this.completion = completion;
        this.ids = ids;
        this.clock = clock;
    }

    /** Sets where orders are linked to their visitor ({@code shop_order}). */
    public void orderLinks(OrderLinks l) {
        links = l;
    }

    /** A fresh order reference for a checkout form (the same form posted again is the same order). */
    public String newRef() {
        return ids.sortableId();
    }

    /** The booking uuid of an order (booking uuids are shared by all channels: the prefix keeps them apart). */
    public static String bookingUuid(String ref) {
        return "shp-" + ref;
    }

    /**
     * Holds the order's places, or answers the order already made under this reference by this visitor. Per-document
     * limits, blacklist and age bounds are refused here (422) before anything is paid.
     */
    public CheckoutRow hold(long visitorId, Order o) {
        if (o == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "an order is required");
        }
        String ref = ref(o.ref());
        CheckoutRow existing = db.read(c -> store.find(c, ref)).orElse(null);
        if (existing != null) {
            return own(visitorId, existing);
        }
        String slotId = o.slotId();
        int bar = slotId == null ? -1 : slotId.lastIndexOf('|');
        if (bar < 1) {
            throw new ServiceException(Problem.INVALID_AVAILABILITY_ID, "choose a time slot", slotId);
        }
        if (o.lines() == null || o.lines().isEmpty()) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "choose at least one ticket");
        }
        if (o.lines().size() > BookingService.MAX_UNITS) {
            throw new ServiceException(Problem.BAD_REQUEST, "at most " + BookingService.MAX_UNITS + " tickets");
        }
        requireTravellers(o, slotId.substring(0, bar));
        List<BookingCommands.Item> items = new ArrayList<>();
        StringBuilder what = new StringBuilder(o.productId() + "\u0000" + slotId);
        VisitorHint buyer = VisitorHint.shopAccount(visitorId);
        for (Line l : o.lines()) {
            IdentityInput who = l.travellerId() == null || l.travellerId().isBlank()
                    ? null
                    : travellers.identity(visitorId, l.travellerId());
            buyer = withFirstDocument(buyer, who);
            items.add(new BookingCommands.Item(l.unitId(), null, who));
            what.append('\u0000').append(l.unitId()).append('\u0000').append(l.travellerId());
        }
        String code = o.offerCode() == null || o.offerCode().isBlank() ? null : o.offerCode();
        if (code != null) { // the same form with another code is another order
            what.append('\u0000').append("offer:").append(code);
        }
        Booking b = bookings.reserve(
                channel.get(),
                new BookingCommands.Reserve(
                                bookingUuid(ref),
                                ChannelService.sha256Hex(what.toString()),
                                o.productId(),
                                slotId.substring(0, bar),
                                slotId.substring(bar + 1),
                                items,
                                null,
                                new BookingCommands.Details(null, null, "shop order " + ref))
                        .withOffer(new BookingCommands.OfferCode(code, buyer)));
        Instant now = clock.instant();
        CheckoutRow row = new CheckoutRow(
                ref,
                visitorId,
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
                links.link(c, b.uuid(), visitorId);
                return null;
            });
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            return own(visitorId, find(ref)); // the same form raced in twice: the order that won
        }
        return row;
    }

    /**
     * Who buys, for segment offers and per-visitor limits: the signed-in account (its address hash) and the first
     * traveller's document, as the hub links the order afterwards.
     */
    private static VisitorHint withFirstDocument(VisitorHint buyer, IdentityInput who) {
        if (buyer.documentType() != null || who == null || who.type() == null || who.number() == null) {
            return buyer;
        }
        try {
            return buyer.withDocument(DocumentType.valueOf(who.type()), who.number());
        } catch (IllegalArgumentException e) {
            return buyer; // a saved traveller of a type the hub does not know: the account alone
        }
    }

    /** The visitor's order, brought up to date (the open payment asked, hold expiry). */
    public CheckoutRow get(long visitorId, String ref) {
        return completion.refresh(own(visitorId, find(ref(ref))), true);
    }

    /**
     * The payment the pay page shows for the order: started once (a reload, a second tab or the back button get the
     * same live payment, never a second charge); {@code again}: the visitor gave up on the open one (declined, closed
     * the cashier), which is asked once more, then abandoned (paid anyway later: refunded), and a new one starts.
     * Null when nothing is to be paid (paid, being confirmed, free) — see the order's state.
     */
    public Payment pay(long visitorId, String ref, PaymentProvider.Payer payer, boolean again) {
        CheckoutRow row = completion.refresh(own(visitorId, find(ref(ref))), false);
        if (row.state() == SaleState.PAID || row.state() == SaleState.CONFIRMING) {
            return null;
        }
        if (!row.state().payable()) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "the order is " + row.state().wire() + ": start a new order", ref);
        }
        if (row.amountFen() == 0) {
            completion.complete(row.ref(), null);
            return null;
        }
        Payment live = row.paymentId() == null ? null : payments.get(row.paymentId());
        PaymentProvider.Method method =
                payer != null && payer.openId() != null ? PaymentProvider.Method.JSAPI : PaymentProvider.Method.H5;
        if (live != null && live.state() == Payment.State.PENDING && (again || live.method() != method)) {
            live = payments.refresh(live.id());
            if (live.state() == Payment.State.PENDING) {
                payments.abandon(live.id());
            }
            row = find(row.ref());
            if (!row.state().payable()) {
                return null;
            }
        }
        Payment p = payments.startWeb(
                CheckoutCompletion.orderRef(row.ref()),
                new Money(row.amountFen(), row.currency()),
                "ScenicPass " + row.productId(),
                method,
                payer);
        Instant now = clock.instant();
        db.tx(c -> {
            store.setPayment(c, ref, p.id(), p.method().name(), now);
            if (p.state() == Payment.State.FAILED) {
                store.transition(c, ref, List.of(SaleState.AWAITING_PAYMENT), SaleState.DECLINED, null, now);
            } else if (p.state() == Payment.State.PENDING) {
                store.transition(c, ref, List.of(SaleState.DECLINED), SaleState.AWAITING_PAYMENT, null, now);
            }
            return null;
        });
        return p;
    }

    /** Cancels an unpaid order: places back, an open payment given up (paid anyway later: refunded). */
    public CheckoutRow cancel(long visitorId, String ref) {
        CheckoutRow row = own(visitorId, find(ref(ref)));
        if (completion.end(row, SaleState.CANCELLED)) {
            try {
                bookings.cancel(channel.get(), row.bookingId(), new BookingCommands.Cancel("cancelled in the shop"));
            } catch (ServiceException e) { // it ended already (expired)
                return find(row.ref());
            }
        }
        return find(row.ref());
    }

    /** What offers took off the order's price: title, code, amount in fen (empty: nothing). */
    public List<io.scenicpass.server.sales.Discounts.Applied> discounts(CheckoutRow row) {
        return bookings.discountsOf(row.bookingId());
    }

    /** The automatic offers the order fitted but did not get, with why (e.g. used as often as it may be). */
    public List<io.scenicpass.server.sales.Discounts.Declined> declined(CheckoutRow row) {
        return bookings.declinedOf(row.bookingId());
    }

    /** The booking of the visitor's order (its passes once PAID). */
    public Booking booking(CheckoutRow row) {
        return bookings.get(channel.get(), row.bookingId());
    }

    /** A real-name unit needs a saved traveller: refused before any place is held or paid for (confirm would fail). */
    private void requireTravellers(Order o, String optionId) {
        CatalogueService.OptionView ov =
                catalogue.product(o.productId(), channel.get().id()).option(optionId);
        if (ov == null) {
            throw new ServiceException(Problem.INVALID_AVAILABILITY_ID, "this slot is not of this product");
        }
        Policy policy = db.read(c -> identities.policy(c, o.productId()));
        for (int i = 0; i < o.lines().size(); i++) {
            Line l = o.lines().get(i);
            Unit u = l == null || l.unitId() == null ? null : ov.unit(l.unitId());
            if (u == null) {
                throw new ServiceException(
                        Problem.INVALID_UNIT_ID, "no such ticket type", l == null ? null : l.unitId());
            }
            if ((l.travellerId() == null || l.travellerId().isBlank()) && IdentityService.requires(policy, i, u)) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "lines[" + i + "]: choose who goes with this real-name ticket",
                        u.id());
            }
        }
    }

    private CheckoutRow find(String ref) {
        return db.read(c -> store.find(c, ref))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such order", ref));
    }

    /** The order when it is this visitor's; another visitor's is unknown to them. */
    private static CheckoutRow own(long visitorId, CheckoutRow row) {
        if (row.visitorId() != visitorId) {
            throw new ServiceException(Problem.NOT_FOUND, "no such order", row.ref());
        }
        return row;
    }

    private static String ref(String s) {
        String r = s == null ? "" : s.trim();
        if (!REF.matcher(r).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, "not an order reference", s);
        }
        return r;
    }
}
