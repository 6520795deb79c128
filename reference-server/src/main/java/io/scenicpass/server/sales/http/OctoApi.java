package io.scenicpass.server.sales.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingExtendRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.OctoWebhooks;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.content.http.OctoContent;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.http.OctoIdentity;
import io.scenicpass.server.questions.http.OctoQuestions;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.sales.OrderService;
import io.scenicpass.server.sales.PassQueries;
import io.scenicpass.server.sales.store.Booking;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** OCTO v1 under {@code /octo}: thin handlers over the services. */
public final class OctoApi {
    private static final Set<String> SUPPORTED = Set.of(
            OctoCapabilities.PRICING,
            OctoCapabilities.WEBHOOKS,
            OctoCapabilities.CONTENT,
            OctoQuestions.CAPABILITY,
            OctoCart.CAPABILITY,
            "octo/offers");
    /** OCTO bodies in OCTO's format: unknown fields ignored (OCTO lets newer clients send more), free text bounded. */
    private static final RequestBodies BODIES =
            RequestBodies.of(OctoJson.newMapper()).ignoringUnknownFields().checkedBy(OctoLimits::check);
    /** Bookings per page of {@code GET /octo/bookings}, at most. */
    static final int PAGE = 500;

    /** A handler that runs for an authenticated channel. */
    @FunctionalInterface
    interface ChannelHandler {
        void handle(Context ctx, Channel channel) throws Exception;
    }

    private final CatalogueService catalogue;
    private final BookingService bookings;
    private final ChannelService channels;
    private final PassQueries passes;
    private final OctoSupplier supplier;
    private final OctoWebhooksApi webhooks;
    private final OctoContent content;
    private final OctoQuestions questions;
    /** {@code POST /octo/availability} and its calendar. */
    private final OctoAvailabilityApi availability;
    /** octo/cart: orders of bookings confirmed together. */
    private final OctoCart cart;

    /** A product's pass terms as OCTO shows them (null: single entry); {@code passes/} sets it. */
    private volatile java.util.function.Function<String, io.scenicpass.channel.model.PassTerms> passTerms = id -> null;

    public OctoApi(
            CatalogueService catalogue,
            InventoryService inventory,
            BookingService bookings,
            ChannelService channels,
            PassQueries passes,
            OctoSupplier supplier,
            OctoWebhooks webhooks,
            OctoContent content,
            OctoQuestions questions,
            OrderService orders) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.channels = channels;
        this.passes = passes;
        this.supplier = supplier;
        this.webhooks = new OctoWebhooksApi(webhooks);
        this.content = content;
        this.questions = questions;
        this.availability = new OctoAvailabilityApi(catalogue, inventory, content, BODIES, this::ok);
        this.cart = new OctoCart(orders, BODIES, this::plainView, questions::show);
    }

    /** Shows each product's pass terms ({@code passTerms}, a ScenicPass extension) from now on. */
    public void passTerms(java.util.function.Function<String, io.scenicpass.channel.model.PassTerms> terms) {
        this.passTerms = terms;
    }

    public void register(RoutesConfig r) {
        r.get("/octo/supplier", auth((ctx, ch) -> ok(ctx, supplier.supplier())));
        r.get("/octo/products", auth(this::products));
        r.get("/octo/products/{productId}", auth((ctx, ch) -> {
            CatalogueService.ProductView pv = catalogue.product(ctx.pathParam("productId"), ch.id());
            io.scenicpass.channel.model.Product p = product(ctx, pv);
            ok(ctx, asks(ctx, OctoCapabilities.CONTENT) ? content.product(ctx, pv, p) : p);
        }));
        r.post("/octo/availability", auth(availability::availability));
        r.post("/octo/availability/calendar", auth(availability::calendar));
        r.post("/octo/bookings", auth((ctx, ch) -> {
            BookingReservationRequest req = BODIES.read(ctx, BookingReservationRequest.class);
            List<IdentityInput> ids = OctoIdentity.of(ctx);
            ok(ctx, view(ctx, questions.reserve(ctx, ch, req, () -> reserve(ctx, ch, OctoCommands.reserve(req, ids)))));
        }));
        r.get("/octo/bookings", auth(this::listBookings));
        r.get("/octo/bookings/{uuid}", auth((ctx, ch) -> ok(ctx, view(ctx, bookings.get(ch, uuid(ctx))))));
        r.patch("/octo/bookings/{uuid}", auth((ctx, ch) -> {
            BookingUpdateRequest req = OctoUnitItemsGiven.notEmpty(ctx, BODIES.read(ctx, BookingUpdateRequest.class));
            List<IdentityInput> ids = OctoIdentity.of(ctx);
            ok(
                    ctx,
                    view(
                            ctx,
                            questions.update(
                                    ctx,
                                    ch,
                                    uuid(ctx),
                                    req,
                                    () -> bookings.update(ch, uuid(ctx), OctoCommands.update(req, ids)))));
        }));
        r.post("/octo/bookings/{uuid}/confirm", auth((ctx, ch) -> {
            BookingConfirmationRequest req =
                    OctoUnitItemsGiven.notEmpty(ctx, BODIES.readOptional(ctx, BookingConfirmationRequest.class));
            List<IdentityInput> ids = OctoIdentity.of(ctx);
            ok(
                    ctx,
                    view(
                            ctx,
                            questions.confirm(
                                    ctx,
                                    ch,
                                    uuid(ctx),
                                    req,
                                    () -> bookings.confirm(ch, uuid(ctx), OctoCommands.confirm(req, ids)))));
        }));
        r.post(
                "/octo/bookings/{uuid}/extend",
                auth((ctx, ch) -> ok(
                        ctx,
                        view(
                                ctx,
                                bookings.extend(
                                        ch,
                                        uuid(ctx),
                                        OctoCommands.extend(BODIES.readOptional(ctx, BookingExtendRequest.class)))))));
        r.post("/octo/bookings/{uuid}/cancel", auth(this::cancel));
        r.delete("/octo/bookings/{uuid}", auth(this::cancel));
        r.get("/octo/tickets/{file}", auth(this::ticketPng));
        r.get("/octo/capabilities", auth((ctx, ch) -> ok(ctx, OctoCapabilityList.of(SUPPORTED))));
        r.get("/octo/webhooks", auth(webhooks::list));
        r.post("/octo/webhooks", auth(webhooks::create));
        r.delete("/octo/webhooks/{id}", auth(webhooks::delete));
        cart.register(r, this::auth);
    }

    private void products(Context ctx, Channel ch) {
        List<CatalogueService.ProductView> pvs = catalogue.products(ch.id());
        List<io.scenicpass.channel.model.Product> ps =
                pvs.stream().map(p -> product(ctx, p)).collect(Collectors.toList());
        ok(ctx, asks(ctx, OctoCapabilities.CONTENT) ? content.products(ctx, pvs, ps) : ps);
    }

    private io.scenicpass.channel.model.Product product(Context ctx, CatalogueService.ProductView pv) {
        return OctoViews.product(pv, pricing(ctx))
                .passTerms(passTerms.apply(pv.product().id()));
    }

    /** A reservation: into a cart order when the request asked for {@code octo/cart}. */
    private Booking reserve(Context ctx, Channel ch, io.scenicpass.server.sales.BookingCommands.Reserve cmd) {
        return OctoCart.requested(ctx) ? cart.reserve(ctx, ch, cmd) : bookings.reserve(ch, cmd);
    }

    /** {@code POST …/cancel} and {@code DELETE /octo/bookings/{uuid}} are the same cancellation. */
    private void cancel(Context ctx, Channel ch) throws java.io.IOException {
        ok(
                ctx,
                view(
                        ctx,
                        bookings.cancel(
                                ch,
                                uuid(ctx),
                                OctoCommands.cancel(BODIES.readOptional(ctx, BookingCancellationRequest.class)))));
    }

    /**
     * A page of the channel's bookings: {@code limit} (1..500, default 500) from {@code offset} (default 0). When more
     * match, {@code X-Next-Offset} and {@code Link: <…>; rel="next"} say where the next page starts (the body stays
     * the OCTO array).
     */
    private void listBookings(Context ctx, Channel ch) {
        LocalDate date = date(ctx, "localDate");
        LocalDate from = date != null ? date : date(ctx, "localDateStart");
        LocalDate to = date != null ? date : date(ctx, "localDateEnd");
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE - PAGE);
        int limit = intParam(ctx, "limit", PAGE, 1, PAGE);
        List<Booking> list = bookings.list(
                ch,
                ctx.queryParam("resellerReference"),
                ctx.queryParam("supplierReference"),
                from,
                to,
                offset,
                limit + 1);
        if (list.size() > limit) {
            list = list.subList(0, limit);
            String next = Integer.toString(offset + limit);
            ctx.header("X-Next-Offset", next);
            StringBuilder q = new StringBuilder();
            ctx.queryParamMap().forEach((k, vs) -> {
                if (!k.equals("offset") && !k.equals("limit")) {
                    vs.forEach(v -> q.append(k)
                            .append('=')
                            .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                            .append('&'));
                }
            });
            ctx.header("Link", "</octo/bookings?" + q + "offset=" + next + "&limit=" + limit + ">; rel=\"next\"");
        }
        ok(ctx, list.stream().map(b -> view(ctx, b)).collect(Collectors.toList()));
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ServiceException(Problem.BAD_REQUEST, name + " must be a whole number from " + min + " to " + max);
    }

    /** The OCTO view of a booking, with its order when the request asked for {@code octo/cart}. */
    private Object view(Context ctx, Booking b) {
        return OctoCart.requested(ctx) ? cart.booking(ctx, b) : plainView(ctx, b);
    }

    /** The OCTO view of a booking; prices only for a channel that asked for {@code octo/pricing}. */
    private io.scenicpass.channel.model.Booking plainView(Context ctx, Booking b) {
        io.scenicpass.channel.model.Booking v = bookings.view(b);
        if (!pricing(ctx)) {
            v.pricing(null);
            if (v.getUnitItems() != null) {
                v.getUnitItems().forEach(u -> u.pricing(null));
            }
        }
        return v;
    }

    private void ticketPng(Context ctx, Channel ch) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".png")) {
            throw new ServiceException(Problem.NOT_FOUND, "tickets are served as <passId>.png");
        }
        String passId = file.substring(0, file.length() - 4);
        String text = passes.passTextForChannel(passId, ch.id())
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "unknown ticket", passId));
        ctx.contentType("image/png").result(IssuanceService.qrPng(text, 400));
    }

    private io.javalin.http.Handler auth(ChannelHandler h) {
        return new OctoChannelAuth(channels, SUPPORTED, h);
    }

    /** True when the request's Octo-Capabilities list names {@code octo/pricing}. */
    static boolean pricing(Context ctx) {
        return asks(ctx, OctoCapabilities.PRICING);
    }

    /** True when the request's Octo-Capabilities list names {@code capability}. */
    public static boolean asks(Context ctx, String capability) {
        String caps = ctx.header(OctoCapabilities.HEADER);
        return caps != null
                && java.util.Arrays.stream(caps.split(",")).map(String::trim).anyMatch(capability::equals);
    }

    private static String uuid(Context ctx) {
        return ctx.pathParam("uuid");
    }

    private static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be YYYY-MM-DD");
        }
    }

    /** The answer in OCTO JSON, with questions and answers when the request asked for {@code octo/questions}. */
    private void ok(Context ctx, Object body) {
        ctx.contentType("application/json").result(OctoJson.write(questions.show(ctx, body)));
    }
}
