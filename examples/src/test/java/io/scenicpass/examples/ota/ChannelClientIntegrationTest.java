package io.scenicpass.examples.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.scenicpass.channel.BookingQuery;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.OctoApiException;
import io.scenicpass.channel.RetryPolicy;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityCalendarDay;
import io.scenicpass.channel.model.AvailabilityCalendarRequest;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.OctoErrorCode;
import io.scenicpass.channel.model.Option;
import io.scenicpass.channel.model.Product;
import io.scenicpass.channel.model.UnitItem;
import io.scenicpass.channel.model.UnitItemRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ChannelClient against the real reference server (child JVM, real HTTP port, H2 file database, demo data). */
@Tag("slow")
class ChannelClientIntegrationTest {
    private static DemoServer server;
    private static ChannelClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = DemoServer.shared();
        client = ChannelClient.builder()
                .baseUrl(server.octoUrl())
                .apiKey(server.channelApiKey)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2))
                .build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private static Product product() {
        return client.products().get(0);
    }

    /**
     * The first open slot the day after tomorrow: always more than the demo's 24-hour cancellation cutoff away
     * (tomorrow's 08:00 slot is within it once the park's local time passes 08:00, and cancelling tests failed).
     */
    private static Availability firstSlotInTwoDays(Product p) {
        LocalDate day = LocalDate.now(ZoneId.of(p.getTimeZone())).plusDays(2);
        return client
                .availability(new AvailabilityRequest()
                        .productId(p.getId())
                        .optionId(p.defaultOption().getId())
                        .localDate(day))
                .stream()
                .filter(Availability::isAvailable)
                .findFirst()
                .orElseThrow();
    }

    private static BookingReservationRequest reservation(Product p, Availability slot, int units) {
        Option o = p.defaultOption();
        List<UnitItemRequest> items = java.util.stream.IntStream.range(0, units)
                .mapToObj(i -> new UnitItemRequest().unitId(o.getUnits().get(0).getId()))
                .collect(Collectors.toList());
        return new BookingReservationRequest()
                .uuid(UUID.randomUUID().toString())
                .productId(p.getId())
                .optionId(o.getId())
                .availabilityId(slot.getId())
                .unitItems(items)
                .resellerReference("IT-" + UUID.randomUUID());
    }

    @Test
    void catalogueAndAvailability() {
        assertThat(client.supplier().getName()).isNotBlank();
        List<Product> products = client.products();
        assertThat(products).hasSizeGreaterThanOrEqualTo(2);
        Product p = client.product(products.get(0).getId());
        assertThat(p.getId()).isEqualTo(products.get(0).getId());
        assertThat(p.getTimeZone()).isEqualTo("Asia/Shanghai");
        assertThat(p.defaultOption().getUnits()).isNotEmpty();
        Availability slot = firstSlotInTwoDays(p);
        assertThat(slot.getLocalDateTimeStart().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(slot.getLocalDateTimeEnd()).isAfter(slot.getLocalDateTimeStart());
        LocalDate tomorrow = slot.getLocalDateTimeStart().toLocalDate();
        List<AvailabilityCalendarDay> days = client.calendar(new AvailabilityCalendarRequest()
                .productId(p.getId())
                .optionId(p.defaultOption().getId())
                .localDateStart(tomorrow)
                .localDateEnd(tomorrow.plusDays(6)));
        assertThat(days).hasSize(7);
        assertThat(days.get(0).getLocalDate()).isEqualTo(tomorrow);
    }

    @Test
    void exampleFlowBooksAndTheQrPngDecodesToTheSignedPass(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream narration = new ByteArrayOutputStream();
        OtaBookingFlow.Result r = new OtaBookingFlow(
                        client, Clock.systemUTC(), new PrintStream(narration, true, StandardCharsets.UTF_8))
                .run(null, 2, "IT-FLOW-" + UUID.randomUUID());
        assertThat(r.booking.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(r.qrCodes).hasSize(2).doesNotHaveDuplicates();
        assertThat(narration.toString(StandardCharsets.UTF_8))
                .contains("reserved")
                .contains("confirmed");
        Path png = tmp.resolve("ticket.png");
        QrCodes.writePng(r.qrCodes.get(0), 400, png);
        BufferedImage img = ImageIO.read(png.toFile());
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String decoded = new QRCodeReader()
                .decode(
                        new BinaryBitmap(
                                new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), px))),
                        java.util.Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
        assertThat(decoded).isEqualTo(r.qrCodes.get(0));
        assertThat(QrCodes.ascii(r.qrCodes.get(0), true)).contains("\u2588");
    }

    @Test
    void everyDemoProductCanBeBookedAndYieldsQrCodes() {
        java.util.List<String> booked = new java.util.ArrayList<>();
        for (Product p : client.products()) {
            if (p.getOptions().get(0).getUnits().stream()
                    .allMatch(u -> u.getRestrictions().isIdRequired())) {
                continue; // sold by real name (documents at booking): the real-name journeys book these
            }
            booked.add(p.getId());
            OtaBookingFlow.Result r = new OtaBookingFlow(
                            client,
                            Clock.systemUTC(),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run(p.getId(), 2, "IT-ALL-" + UUID.randomUUID());
            assertThat(r.booking.getStatus()).as(p.getId()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(r.qrCodes).as(p.getId()).isNotEmpty().allMatch(q -> !q.isBlank());
        }
        assertThat(booked).contains("park-entry", "park-cablecar");
    }

    @Test
    void exampleMainRunsAgainstDemoJson(@TempDir Path tmp) {
        Path png = tmp.resolve("out/ticket.png");
        int code = OtaBookingExample.run(
                new String[] {"--demo-json", server.dataDir.resolve("demo.json").toString(), "--png", png.toString()});
        assertThat(code).as("exit code; server log:\n" + server.logTail()).isZero();
        assertThat(png).exists();
    }

    @Test
    void retriedReserveAndConfirmNeverDoubleBook() {
        Product p = product();
        Availability slot = firstSlotInTwoDays(p);
        BookingReservationRequest req = reservation(p, slot, 1);
        Booking first = client.reserve(req);
        Booking again = client.reserve(req);
        assertThat(again.getUuid()).isEqualTo(first.getUuid());
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(client.bookings(BookingQuery.byResellerReference(req.getResellerReference())))
                .hasSize(1);

        Booking c1 = client.confirm(first.getUuid(), new BookingConfirmationRequest());
        Booking c2 = client.confirm(first.getUuid(), new BookingConfirmationRequest());
        assertThat(c2.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(qr(c2)).isEqualTo(qr(c1)).hasSize(1);
    }

    @Test
    void sameUuidWithADifferentBodyIsRefused() {
        Product p = product();
        Availability slot = firstSlotInTwoDays(p);
        BookingReservationRequest req = reservation(p, slot, 1);
        client.reserve(req);
        OctoApiException e = catchThrowableOfType(
                OctoApiException.class,
                () -> client.reserve(req.unitItems(List.of(
                        new UnitItemRequest()
                                .unitId(p.defaultOption().getUnits().get(0).getId()),
                        new UnitItemRequest()
                                .unitId(p.defaultOption().getUnits().get(0).getId())))));
        assertThat(e).as("a changed body under the same uuid must be refused").isNotNull();
        assertThat(e.getErrorCode()).isEqualTo(OctoErrorCode.INVALID_BOOKING_UUID);
        assertThat(e.getOffendingId()).isEqualTo(req.getUuid());
        assertThat(client.booking(req.getUuid()).getUnitItems())
                .as("the first reservation is untouched")
                .hasSize(1);
    }

    @Test
    void updateListCancel() throws Exception {
        Product p = product();
        BookingReservationRequest req = reservation(p, firstSlotInTwoDays(p), 1);
        Booking b = client.reserveAsync(req).get(30, TimeUnit.SECONDS);
        client.confirm(b.getUuid(), null);
        String newRef = "IT-UPD-" + UUID.randomUUID();
        assertThat(client.update(b.getUuid(), new BookingUpdateRequest().resellerReference(newRef))
                        .getResellerReference())
                .isEqualTo(newRef);
        assertThat(client.bookings(BookingQuery.byResellerReference(newRef)))
                .extracting(Booking::getUuid)
                .containsExactly(b.getUuid());
        Booking cancelled = client.cancel(b.getUuid(), new BookingCancellationRequest().reason("integration test"));
        assertThat(cancelled.getStatus()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(client.cancel(b.getUuid(), null).getStatus())
                .as("cancel is idempotent")
                .isEqualTo(BookingStatus.CANCELLED);
        assertThat(client.booking(b.getUuid()).getStatus()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void realServerErrorsAreTyped() {
        Product p = product();
        assertThat(code(() -> client.product("no-such-product"))).isEqualTo(OctoErrorCode.INVALID_PRODUCT_ID);
        assertThat(catchThrowableOfType(OctoApiException.class, () -> client.product("no-such-product"))
                        .getOffendingId())
                .isEqualTo("no-such-product");
        assertThat(code(() -> client.booking(UUID.randomUUID().toString())))
                .isEqualTo(OctoErrorCode.INVALID_BOOKING_UUID);
        Availability slot = firstSlotInTwoDays(p);
        assertThat(code(() -> client.reserve(
                        reservation(p, slot, 1).unitItems(List.of(new UnitItemRequest().unitId("no-such-unit"))))))
                .isEqualTo(OctoErrorCode.INVALID_UNIT_ID);
        assertThat(code(() -> client.reserve(reservation(p, slot, 1).availabilityId("2001-01-01T00:00:00+08:00"))))
                .isEqualTo(OctoErrorCode.INVALID_AVAILABILITY_ID);
        assertThat(code(() -> client.reserve(reservation(p, slot, 0)))).isEqualTo(OctoErrorCode.UNPROCESSABLE_ENTITY);
        try (ChannelClient wrongKey = ChannelClient.builder()
                .baseUrl(server.octoUrl())
                .apiKey("not-a-key")
                .build()) {
            assertThat(code(wrongKey::products)).isEqualTo(OctoErrorCode.UNAUTHORIZED);
        }
    }

    @Test
    void aChannelSeesOnlyItsOwnBookings() {
        Product p = product();
        BookingReservationRequest req = reservation(p, firstSlotInTwoDays(p), 1);
        Booking mine = client.reserve(req);
        String otherKey = server.channelKeys.values().stream()
                .filter(k -> !k.equals(server.channelApiKey))
                .findFirst()
                .orElseThrow();
        try (ChannelClient other = ChannelClient.builder()
                .baseUrl(server.octoUrl())
                .apiKey(otherKey)
                .build()) {
            assertThat(code(() -> other.booking(mine.getUuid()))).isEqualTo(OctoErrorCode.INVALID_BOOKING_UUID);
            assertThat(code(() -> other.confirm(mine.getUuid(), null))).isEqualTo(OctoErrorCode.INVALID_BOOKING_UUID);
            assertThat(code(() -> other.cancel(mine.getUuid(), null))).isEqualTo(OctoErrorCode.INVALID_BOOKING_UUID);
            assertThat(other.bookings(BookingQuery.byResellerReference(req.getResellerReference())))
                    .isEmpty();
            assertThat(code(() -> other.reserve(req)))
                    .as("the uuid is taken by another channel")
                    .isEqualTo(OctoErrorCode.INVALID_BOOKING_UUID);
        }
        assertThat(client.booking(mine.getUuid()).getStatus()).isEqualTo(BookingStatus.ON_HOLD);
    }

    private static OctoErrorCode code(Runnable call) {
        OctoApiException e = catchThrowableOfType(OctoApiException.class, call::run);
        assertThat(e).as("expected an OctoApiException").isNotNull();
        return e.getErrorCode();
    }

    private static List<String> qr(Booking b) {
        return b.getUnitItems().stream()
                .map(UnitItem::getTicket)
                .map(t -> t.deliveryValue(DeliveryFormat.QRCODE))
                .collect(Collectors.toList());
    }
}
