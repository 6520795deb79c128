package io.scenicpass.server.sales.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.OrderService;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Order;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The OCTO cart capability ({@code octo/cart}) under {@code /octo/orders}: create an order, reserve bookings into it
 * ({@code orderId} on {@code POST /octo/bookings}), read, extend, confirm (all bookings or none) and cancel it. Only
 * for requests whose {@code Octo-Capabilities} names {@code octo/cart}; bookings then show their {@code orderId},
 * {@code orderReference} and {@code primary}.
 */
final class OctoCart {
    static final String CAPABILITY = "octo/cart";

    /** The fields of OCTO's order request bodies (create, extend, confirm, cancel); unknown fields are ignored. */
    record OrderBody(String currency, Integer expirationMinutes, Contact contact, String reason) {}

    /** Runs a handler for an authenticated channel (OctoApi's authentication and rate limit). */
    interface Auth extends Function<OctoApi.ChannelHandler, Handler> {}

    private final OrderService orders;
    private final RequestBodies bodies;
    /** A stored booking's OCTO view without the cart fields (prices as the request asked). */
    private final java.util.function.BiFunction<Context, Booking, Object> bookingView;
    /** What other capabilities add to an answer (octo/questions: the answers of the order's bookings). */
    private final java.util.function.BiFunction<Context, Object, Object> decorate;

    OctoCart(
            OrderService orders,
            RequestBodies bodies,
            java.util.function.BiFunction<Context, Booking, Object> bookingView,
            java.util.function.BiFunction<Context, Object, Object> decorate) {
        this.orders = orders;
        this.bodies = bodies;
        this.bookingView = bookingView;
        this.decorate = decorate;
    }

    void register(RoutesConfig r, Auth auth) {
        r.post("/octo/orders", auth.apply(cart((ctx, ch) -> {
            OrderBody b = body(ctx);
            ok(ctx, view(ctx, orders.create(ch, contact(b), b == null ? null : b.expirationMinutes())));
        })));
        r.get("/octo/orders/{orderId}", auth.apply(cart((ctx, ch) -> ok(ctx, view(ctx, orders.get(ch, id(ctx)))))));
        r.post("/octo/orders/{orderId}/extend", auth.apply(cart((ctx, ch) -> {
            OrderBody b = body(ctx);
            ok(ctx, view(ctx, orders.extend(ch, id(ctx), b == null ? null : b.expirationMinutes())));
        })));
        r.post(
                "/octo/orders/{orderId}/confirm",
                auth.apply(cart((ctx, ch) -> ok(ctx, view(ctx, orders.confirm(ch, id(ctx), contact(body(ctx))))))));
        r.post("/octo/orders/{orderId}/cancel", auth.apply(cart(this::cancel)));
        r.delete("/octo/orders/{orderId}", auth.apply(cart(this::cancel)));
    }

    /** True when the request's Octo-Capabilities list names {@code octo/cart}. */
    static boolean requested(Context ctx) {
        return OctoApi.asks(ctx, CAPABILITY);
    }

    /** {@code POST /octo/bookings} with the cart: into the body's {@code orderId}, or a new order without one. */
    Booking reserve(Context ctx, Channel ch, BookingCommands.Reserve cmd) {
        JsonNode id;
        try {
            id = OctoJson.mapper().readTree(ctx.body()).get("orderId");
        } catch (java.io.IOException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "the body is not JSON"); // already read once: unreachable
        }
        if (id != null && !id.isNull() && !id.isTextual()) {
            throw new ServiceException(Problem.BAD_REQUEST, "orderId must be a string");
        }
        return orders.reserve(ch, id == null || id.isNull() ? null : id.asText(), cmd);
    }

    /** A booking's view with the cart fields (for a booking in an order). */
    Object booking(Context ctx, Booking b) {
        ObjectNode n = OctoJson.mapper().valueToTree(bookingView.apply(ctx, b));
        orders.membership(b.uuid())
                .ifPresent(m -> n.put("orderId", m.orderId())
                        .put("orderReference", m.orderReference())
                        .put("primary", m.primary()));
        return n;
    }

    private void cancel(Context ctx, Channel ch) throws java.io.IOException {
        OrderBody b = body(ctx);
        ok(ctx, view(ctx, orders.cancel(ch, id(ctx), b == null ? null : b.reason())));
    }

    /** OCTO's Order: every field present (null when unknown), its bookings in the order they were added. */
    private ObjectNode view(Context ctx, OrderService.OrderView v) {
        Order o = v.order();
        ObjectNode n = OctoJson.mapper().createObjectNode();
        n.put("id", o.id())
                .put("testMode", false)
                .put("supplierReference", o.supplierReference())
                .put("settlementMethod", "DEFERRED")
                .put("status", o.status().name());
        n.put("utcExpiresAt", o.status() == Order.Status.ON_HOLD ? utc(v.expiresAt()) : null);
        n.put("utcConfirmedAt", utc(o.confirmedAt()));
        var list = n.putArray("bookings");
        boolean cancellable = o.status() == Order.Status.ON_HOLD || o.status() == Order.Status.CONFIRMED;
        long retail = 0;
        long net = 0;
        String currency = null;
        for (Booking b : v.bookings()) {
            JsonNode bn = OctoJson.mapper().valueToTree(booking(ctx, b));
            list.add(bn);
            if (o.status() == Order.Status.CONFIRMED && b.status().isSold()) {
                cancellable &= bn.path("cancellable").asBoolean(false);
            }
            if (b.status() != io.scenicpass.server.sales.BookingState.CANCELLED) {
                retail += b.totalRetail();
                net += b.totalNet();
                currency = b.currency();
            }
        }
        n.put("cancellable", cancellable);
        n.set("contact", OctoJson.mapper().valueToTree(OctoShapes.contact(o.contactJson())));
        if (OctoApi.pricing(ctx) && currency != null) {
            ObjectNode p = n.putObject("pricing");
            p.put("original", retail).put("retail", retail).put("net", net).put("currency", currency);
            p.put("currencyPrecision", 2).putArray("includedTaxes");
        }
        return n;
    }

    private OrderBody body(Context ctx) throws java.io.IOException {
        return bodies.readOptional(ctx, OrderBody.class);
    }

    private static String contact(OrderBody b) {
        return b == null ? null : OctoViews.contactJson(b.contact());
    }

    private static String id(Context ctx) {
        return ctx.pathParam("orderId");
    }

    private static String utc(Instant i) {
        return i == null ? null : DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The order endpoints answer only to a request that asked for the cart. */
    private static OctoApi.ChannelHandler cart(OctoApi.ChannelHandler h) {
        return (ctx, ch) -> {
            if (!requested(ctx)) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, "orders need the cart: send Octo-Capabilities: " + CAPABILITY);
            }
            h.handle(ctx, ch);
        };
    }

    private void ok(Context ctx, Object body) {
        ctx.contentType("application/json").result(OctoJson.write(decorate.apply(ctx, body)));
    }
}
