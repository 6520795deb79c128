package io.scenicpass.server.sales;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.Order;
import io.scenicpass.server.sales.store.OrderStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OCTO cart orders: held bookings of one channel confirmed or cancelled together, all or nothing. A confirm sells
 * every booking in ONE transaction with the booking lifecycle's own steps ({@link BookingLifecycle#sell}), so a hold
 * that expired, a refusal or any failure rolls back the whole order; a cancel likewise
 * ({@link BookingLifecycle#cancelIn}). The order's row lock serialises confirms, cancels and additions; bookings
 * are taken in slot order so two orders never wait on each other's slots in opposite orders.
 */
public final class OrderService {
    /** An order with its bookings (read back, due holds expired). */
    public record OrderView(Order order, List<Booking> bookings, Instant expiresAt) {}

    /** What a booking's OCTO view says about its order. */
    public record Membership(String orderId, String orderReference, boolean primary) {}

    private final Database db;
    private final OrderStore orders;
    private final BookingStore bookingStore;
    private final BookingService bookings;
    private final BookingLifecycle lifecycle;
    private final InventoryService inventory;
    private final HoldPolicy holds;
    private final Ids ids;
    private final Clock clock;

    OrderService(
            Database db,
            OrderStore orders,
            BookingStore bookingStore,
            BookingService bookings,
            BookingLifecycle lifecycle,
            InventoryService inventory,
            HoldPolicy holds,
            Ids ids,
            Clock clock) {
        this.db = db;
        this.orders = orders;
        this.bookingStore = bookingStore;
        this.bookings = bookings;
        this.lifecycle = lifecycle;
        this.inventory = inventory;
        this.holds = holds;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new empty order ON_HOLD for {@code expirationMinutes} (null: the default hold). */
    public OrderView create(Channel ch, String contactJson, Integer expirationMinutes) {
        Instant now = clock.instant();
        Order o = new Order(
                ids.uuidV7().toString(),
                ch.id(),
                ids.sortableId(),
                Order.Status.ON_HOLD,
                contactJson,
                now.plus(holds.length(expirationMinutes)),
                null,
                null,
                now);
        db.tx(c -> {
            orders.insert(c, o);
            return null;
        });
        return get(ch, o.id());
    }

    /**
     * Reserves a booking into order {@code orderId}, or into a new order when null. A retry (same uuid, same
     * request) answers the same booking in the same order; a fresh hold the order can no longer take is given back.
     */
    public Booking reserve(Channel ch, String orderId, BookingCommands.Reserve cmd) {
        if (orderId != null) {
            own(ch, orderId); // unknown or another channel's: refused before any place is held
        }
        boolean existed = cmd.uuid() != null
                && db.read(c -> bookingStore.find(c, cmd.uuid()).isPresent());
        Booking b = bookings.reserve(ch, cmd);
        try {
            db.tx(c -> {
                Optional<String> in = orders.orderOf(c, b.uuid());
                if (in.isPresent()) {
                    if (orderId != null && !orderId.equals(in.get())) {
                        throw new ServiceException(
                                Problem.UNPROCESSABLE_ENTITY, "this booking belongs to another order", b.uuid());
                    }
                    return null; // a retry
                }
                if (existed) {
                    throw new ServiceException(
                            Problem.UNPROCESSABLE_ENTITY, "this booking was made outside an order", b.uuid());
                }
                String id = orderId;
                if (id == null) { // OCTO: without orderId a new order is created for the booking
                    id = ids.uuidV7().toString();
                    orders.insert(
                            c,
                            new Order(
                                    id,
                                    ch.id(),
                                    ids.sortableId(),
                                    Order.Status.ON_HOLD,
                                    b.contactJson(),
                                    b.expiresAt(),
                                    null,
                                    null,
                                    clock.instant()));
                }
                Order o = orders.findForUpdate(c, id).orElseThrow();
                if (o.status() != Order.Status.ON_HOLD) {
                    throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "the order is " + o.status(), id);
                }
                orders.addBooking(c, id, b.uuid());
                return null;
            });
        } catch (RuntimeException e) {
            // a fresh hold the order did not take goes back (one a concurrent retry linked stays)
            if (!existed
                    && b.status() == BookingState.ON_HOLD
                    && membership(b.uuid()).isEmpty()) {
                bookings.cancel(ch, b.uuid(), new BookingCommands.Cancel("not added to the order"));
            }
            throw e;
        }
        return b;
    }

    /** A channel's own order (others' look unknown); an ON_HOLD order past its expiry expires on the way. */
    public OrderView get(Channel ch, String id) {
        Order o = own(ch, id);
        OrderView v = read(ch, o);
        if (o.status() == Order.Status.ON_HOLD && !v.expiresAt().isAfter(clock.instant())) {
            Instant now = clock.instant();
            releaseAll(ch, id, Set.of(Order.Status.ON_HOLD), Order.Status.EXPIRED, "the order expired", now);
            return read(ch, own(ch, id));
        }
        return v;
    }

    /** Extends the order and every live hold in it. */
    public OrderView extend(Channel ch, String id, Integer expirationMinutes) {
        OrderView v = get(ch, id);
        onHold(v.order());
        Instant now = clock.instant();
        Instant until = now.plus(holds.length(expirationMinutes));
        db.tx(c -> {
            onHold(orders.findForUpdate(c, id).orElseThrow());
            orders.setExpiry(c, id, until, now);
            for (Booking b : v.bookings()) {
                if (b.status() == BookingState.ON_HOLD) {
                    bookingStore.setExpiry(c, b.uuid(), until, now);
                }
            }
            return null;
        });
        return get(ch, id);
    }

    /**
     * Confirms every booking of the order in one transaction, or none: a hold that expired, a booking that cannot be
     * sold, or any failure refuses the whole order. The order's contact (given now or at creation) becomes its
     * bookings' contact. A retried confirm answers the confirmed order.
     */
    public OrderView confirm(Channel ch, String id, String contactJson) {
        Order current = own(ch, id); // not expired on the way: a lapsed hold refuses the confirm below
        if (current.status() == Order.Status.CONFIRMED) {
            return get(ch, id);
        }
        onHold(current);
        Instant now = clock.instant();
        List<Booking> touched = db.tx(c -> {
            Order o = orders.findForUpdate(c, id).orElseThrow();
            if (o.status() == Order.Status.CONFIRMED) {
                return List.<Booking>of(); // a concurrent confirm won
            }
            onHold(o);
            if (contactJson != null) {
                orders.setContact(c, id, contactJson, now);
            }
            String contact = contactJson != null ? contactJson : o.contactJson();
            List<Booking> sold = new ArrayList<>();
            for (Booking b : inSlotOrder(c, id)) {
                if (b.status().isSold() || b.status() == BookingState.CANCELLED) {
                    continue; // confirmed on its own, or taken out of the cart by a cancel
                }
                if (b.status() != BookingState.ON_HOLD || !b.expiresAt().isAfter(now)) {
                    throw new ServiceException(
                            Problem.UNPROCESSABLE_ENTITY,
                            "the hold of booking " + b.uuid() + " has expired: nothing in the order was confirmed",
                            id);
                }
                if (!lifecycle.sell(c, ch, b, new BookingCommands.Details(null, contact, null), null, now)) {
                    throw new ServiceException(
                            Problem.UNPROCESSABLE_ENTITY,
                            "booking " + b.uuid() + " is being changed by another request: retry",
                            id);
                }
                sold.add(b);
            }
            if (sold.isEmpty() && !anySold(c, id)) {
                throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "the order has no bookings to confirm", id);
            }
            orders.transition(c, id, Order.Status.ON_HOLD, Order.Status.CONFIRMED, now);
            return sold;
        });
        touched.forEach(b -> inventory.slotChanged(b.optionId(), b.poolId()));
        return get(ch, id);
    }

    /** Cancels every booking of the order in one transaction (all places back, passes revoked), or none. */
    public OrderView cancel(Channel ch, String id, String reason) {
        OrderView v = get(ch, id);
        if (v.order().status() == Order.Status.CANCELLED) {
            return v;
        }
        if (v.order().status() == Order.Status.EXPIRED) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "the order has expired", id);
        }
        releaseAll(
                ch,
                id,
                Set.of(Order.Status.ON_HOLD, Order.Status.CONFIRMED),
                Order.Status.CANCELLED,
                reason,
                clock.instant());
        return get(ch, id);
    }

    /** The order a booking belongs to, for its OCTO view (empty: none). */
    public Optional<Membership> membership(String bookingUuid) {
        return db.read(c -> {
            Optional<String> id = orders.orderOf(c, bookingUuid);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Order o = orders.find(c, id.get()).orElseThrow();
            List<String> uuids = orders.bookings(c, o.id());
            return Optional.of(
                    new Membership(o.id(), o.supplierReference(), uuids.get(0).equals(bookingUuid)));
        });
    }

    /** Moves an order in one of {@code from} to {@code to} and cancels its live bookings, in one transaction. */
    private void releaseAll(
            Channel ch, String id, Set<Order.Status> from, Order.Status to, String reason, Instant now) {
        List<Booking> touched = db.tx(c -> {
            Order o = orders.findForUpdate(c, id).orElseThrow();
            if (!from.contains(o.status())) {
                return List.<Booking>of(); // a concurrent change won
            }
            List<Booking> list = inSlotOrder(c, id);
            for (Booking b : list) {
                lifecycle.cancelIn(c, ch, b, reason, now); // refused after a cutoff: nothing is cancelled
            }
            orders.transition(c, id, o.status(), to, now);
            return list;
        });
        touched.forEach(b -> inventory.slotChanged(b.optionId(), b.poolId()));
    }

    private OrderView read(Channel ch, Order o) {
        List<String> uuids = db.read(c -> orders.bookings(c, o.id()));
        List<Booking> list = new ArrayList<>();
        Instant expires = o.expiresAt();
        for (String uuid : uuids) {
            Booking b = lifecycle.get(ch, uuid); // expires a due hold
            list.add(b);
            if (o.status() == Order.Status.ON_HOLD
                    && (b.status() == BookingState.ON_HOLD || b.status() == BookingState.EXPIRED)
                    && b.expiresAt().isBefore(expires)) {
                expires = b.expiresAt(); // the order lasts as long as its shortest hold
            }
        }
        return new OrderView(o, list, expires);
    }

    private List<Booking> inSlotOrder(Connection c, String id) throws SQLException {
        List<Booking> list = new ArrayList<>();
        for (String uuid : orders.bookings(c, id)) {
            list.add(bookingStore.findForUpdate(c, uuid).orElseThrow());
        }
        list.sort(Comparator.comparing(Booking::slotId).thenComparing(Booking::uuid));
        return list;
    }

    private boolean anySold(Connection c, String id) throws SQLException {
        for (String uuid : orders.bookings(c, id)) {
            if (bookingStore.find(c, uuid).orElseThrow().status().isSold()) {
                return true;
            }
        }
        return false;
    }

    private Order own(Channel ch, String id) {
        Order o = db.read(c -> orders.find(c, id).orElse(null));
        if (o == null || !o.channelId().equals(ch.id())) {
            throw new ServiceException(Problem.INVALID_ORDER_ID, "unknown order", id);
        }
        return o;
    }

    private static void onHold(Order o) {
        if (o.status() != Order.Status.ON_HOLD) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "the order is " + o.status(), o.id());
        }
    }
}
