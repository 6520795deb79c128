package io.scenicpass.channel;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.scenicpass.channel.internal.OctoCall;
import io.scenicpass.channel.internal.OctoTransport;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityCalendarDay;
import io.scenicpass.channel.model.AvailabilityCalendarRequest;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingExtendRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.channel.model.OctoErrorCode;
import io.scenicpass.channel.model.Product;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A client for the ScenicPass OCTO v1 channel API. Build one with {@link #builder()} and share it: it is
 * thread-safe and holds a connection pool.
 *
 * <pre>{@code
 * ChannelClient client = ChannelClient.builder()
 *         .baseUrl("https://tickets.example.com/octo")
 *         .apiKey(System.getenv("SCENICPASS_API_KEY"))
 *         .build();
 * Booking held = client.reserve(new BookingReservationRequest()
 *         .productId(p).optionId("DEFAULT").availabilityId(slot.getId())
 *         .unitItems(List.of(new UnitItemRequest().unitId("adult"))));
 * Booking confirmed = client.confirm(held.getUuid(), new BookingConfirmationRequest().contact(contact));
 * }</pre>
 *
 * <p>Every method throws {@link ChannelException} (never a raw HTTP or IO exception) and
 * {@link IllegalArgumentException} for arguments that cannot form a valid request. Calls are retried per the
 * {@link RetryPolicy}; all of them are safe to repeat, because booking calls carry the booking uuid which the
 * server treats as an idempotency key. The {@code …Async} variants run the same call on the client's executor.
 */
public final class ChannelClient implements AutoCloseable {
    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final JavaType SUPPLIER = TYPES.constructType(io.scenicpass.channel.model.Supplier.class);
    private static final JavaType PRODUCT = TYPES.constructType(Product.class);
    private static final JavaType PRODUCTS = TYPES.constructCollectionType(List.class, Product.class);
    private static final JavaType CALENDAR = TYPES.constructCollectionType(List.class, AvailabilityCalendarDay.class);
    private static final JavaType AVAILABILITIES = TYPES.constructCollectionType(List.class, Availability.class);
    private static final JavaType BOOKING = TYPES.constructType(Booking.class);
    private static final JavaType BOOKINGS = TYPES.constructCollectionType(List.class, Booking.class);

    private final OctoTransport transport;
    private final Executor executor;
    private final Supplier<String> uuids;
    private final Runnable onClose;

    ChannelClient(OctoTransport transport, Executor executor, Supplier<String> uuids, Runnable onClose) {
        this.transport = transport;
        this.executor = executor;
        this.uuids = uuids;
        this.onClose = onClose;
    }

    /** @return a builder; {@code baseUrl} and {@code apiKey} are required */
    public static ChannelClientBuilder builder() {
        return new ChannelClientBuilder();
    }

    /** @return the supplier ({@code GET /supplier}) */
    public io.scenicpass.channel.model.Supplier supplier() {
        return transport.execute(OctoCall.of("supplier", "GET", SUPPLIER, "supplier"));
    }

    /** @return the products this channel may sell ({@code GET /products}) */
    public List<Product> products() {
        return transport.execute(OctoCall.of("products", "GET", PRODUCTS, "products"));
    }

    /**
     * @param productId the product id
     * @return the product ({@code GET /products/{id}}); {@code INVALID_PRODUCT_ID} when unknown
     */
    public Product product(String productId) {
        requireId(productId, "productId");
        return transport.execute(OctoCall.of("product", "GET", PRODUCT, "products", productId)
                .notFound(OctoErrorCode.INVALID_PRODUCT_ID));
    }

    /**
     * @param request product, option and date range
     * @return one entry per day ({@code POST /availability/calendar})
     */
    public List<AvailabilityCalendarDay> calendar(AvailabilityCalendarRequest request) {
        Objects.requireNonNull(request, "request");
        return transport.execute(OctoCall.of("calendar", "POST", CALENDAR, "availability", "calendar")
                .body(request));
    }

    /**
     * @param request product, option and exactly one of localDate, localDateStart+localDateEnd, availabilityIds
     * @return the slots ({@code POST /availability})
     */
    public List<Availability> availability(AvailabilityRequest request) {
        Objects.requireNonNull(request, "request");
        int selectors = (request.getLocalDate() != null ? 1 : 0)
                + (request.getLocalDateStart() != null || request.getLocalDateEnd() != null ? 1 : 0)
                + (request.getAvailabilityIds().isEmpty() ? 0 : 1);
        if (selectors != 1 || (request.getLocalDateStart() == null) != (request.getLocalDateEnd() == null)) {
            throw new IllegalArgumentException(
                    "an availability check needs exactly one of localDate, localDateStart+localDateEnd, availabilityIds");
        }
        return transport.execute(OctoCall.of("availability", "POST", AVAILABILITIES, "availability")
                .body(request));
    }

    /**
     * Reserves places ({@code POST /bookings}); the booking is {@code ON_HOLD} until confirmed or expired. When the
     * request has no uuid, a random one is set on it <em>before</em> the first attempt, so retries (automatic, or
     * yours after a {@link ChannelIoException}) carry the same uuid and never create a second booking.
     *
     * @param request the reservation; its uuid is filled in when absent
     * @return the booking on hold
     */
    public Booking reserve(BookingReservationRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.getUuid() == null || request.getUuid().trim().isEmpty()) {
            request.uuid(uuids.get());
        }
        return transport.execute(OctoCall.of("reserve", "POST", BOOKING, "bookings")
                .body(request)
                .bookingUuid(request.getUuid())
                .notFound(OctoErrorCode.INVALID_PRODUCT_ID));
    }

    /**
     * Confirms a booking on hold ({@code POST /bookings/{uuid}/confirm}); tickets are issued. Confirming twice
     * returns the same booking and the same tickets.
     *
     * @param uuid the booking uuid
     * @param request contact and references (may be empty)
     * @return the confirmed booking; {@code INVALID_BOOKING_UUID} when unknown or the hold expired
     */
    public Booking confirm(String uuid, BookingConfirmationRequest request) {
        return bookingCall(
                "confirm", "POST", uuid, request == null ? new BookingConfirmationRequest() : request, "confirm");
    }

    /**
     * Extends a hold ({@code POST /bookings/{uuid}/extend}).
     *
     * @param uuid the booking uuid
     * @param request the extra minutes
     * @return the booking with its new {@code utcExpiresAt}
     */
    public Booking extend(String uuid, BookingExtendRequest request) {
        return bookingCall("extend", "POST", uuid, Objects.requireNonNull(request, "request"), "extend");
    }

    /**
     * Cancels a booking ({@code POST /bookings/{uuid}/cancel}); repeating it returns the cancelled booking.
     *
     * @param uuid the booking uuid
     * @param request the reason (may be empty)
     * @return the cancelled booking; {@code UNPROCESSABLE_ENTITY} after the cancellation cutoff
     */
    public Booking cancel(String uuid, BookingCancellationRequest request) {
        return bookingCall(
                "cancel", "POST", uuid, request == null ? new BookingCancellationRequest() : request, "cancel");
    }

    /**
     * Changes references, contact or notes of a booking ({@code PATCH /bookings/{uuid}}).
     *
     * @param uuid the booking uuid
     * @param request the fields to change
     * @return the updated booking
     */
    public Booking update(String uuid, BookingUpdateRequest request) {
        return bookingCall("update", "PATCH", uuid, Objects.requireNonNull(request, "request"), null);
    }

    /**
     * @param uuid the booking uuid
     * @return the booking ({@code GET /bookings/{uuid}}); {@code INVALID_BOOKING_UUID} when unknown
     */
    public Booking booking(String uuid) {
        return bookingCall("get", "GET", uuid, null, null);
    }

    /**
     * @param query at least one of the filters OCTO requires
     * @return the channel's bookings matching the query ({@code GET /bookings})
     */
    public List<Booking> bookings(BookingQuery query) {
        Objects.requireNonNull(query, "query").validate();
        return transport.execute(OctoCall.of("list", "GET", BOOKINGS, "bookings")
                .query("resellerReference", query.getResellerReference())
                .query("supplierReference", query.getSupplierReference())
                .query("localDate", query.getLocalDate())
                .query("localDateStart", query.getLocalDateStart())
                .query("localDateEnd", query.getLocalDateEnd())
                .query("productId", query.getProductId())
                .query("optionId", query.getOptionId()));
    }

    private Booking bookingCall(String operation, String method, String uuid, Object body, String action) {
        requireId(uuid, "uuid");
        OctoCall call = action == null
                ? OctoCall.of(operation, method, BOOKING, "bookings", uuid)
                : OctoCall.of(operation, method, BOOKING, "bookings", uuid, action);
        return transport.execute(call.body(body).bookingUuid(uuid).notFound(OctoErrorCode.INVALID_BOOKING_UUID));
    }

    private static void requireId(String id, String name) {
        if (id == null || id.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** @return {@link #supplier()} run on the client's executor */
    public CompletableFuture<io.scenicpass.channel.model.Supplier> supplierAsync() {
        return async(this::supplier);
    }

    /** @return {@link #products()} run on the client's executor */
    public CompletableFuture<List<Product>> productsAsync() {
        return async(this::products);
    }

    /**
     * @param productId the product id
     * @return {@link #product(String)} run on the client's executor
     */
    public CompletableFuture<Product> productAsync(String productId) {
        return async(() -> product(productId));
    }

    /**
     * @param request the calendar request
     * @return {@link #calendar(AvailabilityCalendarRequest)} run on the client's executor
     */
    public CompletableFuture<List<AvailabilityCalendarDay>> calendarAsync(AvailabilityCalendarRequest request) {
        return async(() -> calendar(request));
    }

    /**
     * @param request the availability request
     * @return {@link #availability(AvailabilityRequest)} run on the client's executor
     */
    public CompletableFuture<List<Availability>> availabilityAsync(AvailabilityRequest request) {
        return async(() -> availability(request));
    }

    /**
     * @param request the reservation; its uuid is filled in at once (before this method returns) when absent
     * @return {@link #reserve(BookingReservationRequest)} run on the client's executor
     */
    public CompletableFuture<Booking> reserveAsync(BookingReservationRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.getUuid() == null || request.getUuid().trim().isEmpty()) {
            request.uuid(uuids.get());
        }
        return async(() -> reserve(request));
    }

    /**
     * @param uuid the booking uuid
     * @param request the confirmation
     * @return {@link #confirm(String, BookingConfirmationRequest)} run on the client's executor
     */
    public CompletableFuture<Booking> confirmAsync(String uuid, BookingConfirmationRequest request) {
        return async(() -> confirm(uuid, request));
    }

    /**
     * @param uuid the booking uuid
     * @param request the extension
     * @return {@link #extend(String, BookingExtendRequest)} run on the client's executor
     */
    public CompletableFuture<Booking> extendAsync(String uuid, BookingExtendRequest request) {
        return async(() -> extend(uuid, request));
    }

    /**
     * @param uuid the booking uuid
     * @param request the cancellation
     * @return {@link #cancel(String, BookingCancellationRequest)} run on the client's executor
     */
    public CompletableFuture<Booking> cancelAsync(String uuid, BookingCancellationRequest request) {
        return async(() -> cancel(uuid, request));
    }

    /**
     * @param uuid the booking uuid
     * @param request the update
     * @return {@link #update(String, BookingUpdateRequest)} run on the client's executor
     */
    public CompletableFuture<Booking> updateAsync(String uuid, BookingUpdateRequest request) {
        return async(() -> update(uuid, request));
    }

    /**
     * @param uuid the booking uuid
     * @return {@link #booking(String)} run on the client's executor
     */
    public CompletableFuture<Booking> bookingAsync(String uuid) {
        return async(() -> booking(uuid));
    }

    /**
     * @param query the filters
     * @return {@link #bookings(BookingQuery)} run on the client's executor
     */
    public CompletableFuture<List<Booking>> bookingsAsync(BookingQuery query) {
        return async(() -> bookings(query));
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** Releases the connection pool and threads this client created itself (a reused OkHttpClient is left alone). */
    @Override
    public void close() {
        onClose.run();
    }

    /** Never reveals the API key. */
    @Override
    public String toString() {
        return "ChannelClient{" + transport + "}";
    }

    static String randomUuid() {
        return UUID.randomUUID().toString();
    }
}
