package io.scenicpass.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scenicpass.channel.WireMockFixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityCalendarDay;
import io.scenicpass.channel.model.AvailabilityCalendarRequest;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.AvailabilityStatus;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingExtendRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.Product;
import io.scenicpass.channel.model.RefundType;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.channel.model.UnitQuantity;
import io.scenicpass.channel.model.UnitType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every endpoint: the exact request (method, path, headers, JSON) and the parsed answer. */
class ChannelClientContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String UUID = "11111111-2222-4333-8444-555555555555";
    private final WireMockFixture fx = new WireMockFixture();
    private ChannelClient client;

    @BeforeEach
    void setUp() {
        client = fx.builder(wm).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void supplierSendsAuthAndCapabilities() {
        wm.stubFor(get("/octo/supplier")
                .willReturn(okJson(fixture("supplier.json")).withHeader("Octo-Capabilities", "octo/pricing")));
        assertThat(client.supplier().getName()).isEqualTo("Yellow Mountain Scenic Area");
        wm.verify(getRequestedFor(urlEqualTo("/octo/supplier"))
                .withHeader("Authorization", equalTo("Bearer " + WireMockFixture.API_KEY))
                .withHeader("Octo-Capabilities", equalTo("octo/pricing"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void noCapabilitiesHeaderWhenNoneRequested() {
        wm.stubFor(get("/octo/supplier").willReturn(okJson(fixture("supplier.json"))));
        try (ChannelClient plain = fx.builder(wm).capabilities(List.of()).build()) {
            plain.supplier();
        }
        wm.verify(getRequestedFor(urlEqualTo("/octo/supplier")).withoutHeader("Octo-Capabilities"));
    }

    @Test
    void productsAndProductParseTheCatalogueAndIgnoreUnknownFields() {
        wm.stubFor(get("/octo/products").willReturn(okJson(fixture("products.json"))));
        String one = fixture("products.json").trim();
        wm.stubFor(get("/octo/products/timed-entry").willReturn(okJson(one.substring(1, one.length() - 1))));
        List<Product> products = client.products();
        assertThat(products).hasSize(1);
        Product p = client.product("timed-entry");
        assertThat(p).isEqualTo(products.get(0));
        assertThat(p.getTimeZone()).isEqualTo("Asia/Shanghai");
        assertThat(p.defaultOption().getAvailabilityLocalStartTimes())
                .containsExactly("08:00", "10:00", "12:00", "14:00", "16:00");
        assertThat(p.defaultOption().getUnits())
                .extracting(u -> u.getType())
                .containsExactly(UnitType.ADULT, UnitType.CHILD);
        assertThat(p.defaultOption().getUnits().get(0).getPricingFrom().get(0).getRetail())
                .isEqualTo(23000);
        assertThat(p.defaultOption().getUnits().get(1).getRestrictions().getAccompaniedBy())
                .containsExactly("adult");
    }

    @Test
    void productIdIsPathEscaped() {
        wm.stubFor(get(urlEqualTo("/octo/products/a%2Fb%20c")).willReturn(okJson("{\"id\":\"a/b c\"}")));
        assertThat(client.product("a/b c").getId()).isEqualTo("a/b c");
    }

    @Test
    void calendarSendsExactJson() {
        wm.stubFor(post("/octo/availability/calendar").willReturn(okJson(fixture("calendar.json"))));
        List<AvailabilityCalendarDay> days = client.calendar(new AvailabilityCalendarRequest()
                .productId("timed-entry")
                .optionId("DEFAULT")
                .localDateStart(LocalDate.of(2026, 11, 25))
                .localDateEnd(LocalDate.of(2026, 11, 26))
                .units(List.of(new UnitQuantity().id("adult").quantity(2))));
        assertThat(days)
                .extracting(AvailabilityCalendarDay::getStatus)
                .containsExactly(AvailabilityStatus.AVAILABLE, AvailabilityStatus.CLOSED);
        assertThat(days.get(0).getOpeningHours().get(0).getFrom()).isEqualTo("08:00");
        wm.verify(postRequestedFor(urlEqualTo("/octo/availability/calendar"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(
                        "{\"productId\":\"timed-entry\",\"optionId\":\"DEFAULT\",\"localDateStart\":\"2026-11-25\","
                                + "\"localDateEnd\":\"2026-11-26\",\"units\":[{\"id\":\"adult\",\"quantity\":2}]}",
                        false,
                        false)));
    }

    @Test
    void availabilitySendsExactJsonAndKeepsTheSlotOffset() {
        wm.stubFor(post("/octo/availability").willReturn(okJson(fixture("availability.json"))));
        List<Availability> slots = client.availability(new AvailabilityRequest()
                .productId("timed-entry")
                .optionId("DEFAULT")
                .localDate(LocalDate.of(2026, 11, 25)));
        Availability a = slots.get(0);
        assertThat(a.getStatus()).isEqualTo(AvailabilityStatus.LIMITED);
        assertThat(a.getLocalDateTimeStart().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(a.getLocalDateTimeStart().getHour()).isEqualTo(8);
        assertThat(a.getUtcCutoffAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(a.getUnitPricing().get(0).getUnitId()).isEqualTo("adult");
        wm.verify(postRequestedFor(urlEqualTo("/octo/availability"))
                .withRequestBody(equalToJson(
                        "{\"productId\":\"timed-entry\",\"optionId\":\"DEFAULT\",\"localDate\":\"2026-11-25\"}",
                        false,
                        false)));
    }

    @Test
    void availabilityNeedsExactlyOneSelector() {
        AvailabilityRequest none = new AvailabilityRequest().productId("p").optionId("o");
        AvailabilityRequest two = new AvailabilityRequest()
                .productId("p")
                .optionId("o")
                .localDate(LocalDate.of(2026, 1, 1))
                .availabilityIds(List.of("x"));
        AvailabilityRequest halfRange =
                new AvailabilityRequest().productId("p").optionId("o").localDateStart(LocalDate.of(2026, 1, 1));
        for (AvailabilityRequest r : List.of(none, two, halfRange)) {
            assertThatThrownBy(() -> client.availability(r))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exactly one");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void reserveSendsExactJsonAndFillsInTheUuid() {
        wm.stubFor(post("/octo/bookings").willReturn(okJson(fixture("booking-on-hold.json"))));
        BookingReservationRequest req = new BookingReservationRequest()
                .productId("timed-entry")
                .optionId("DEFAULT")
                .availabilityId("2026-11-25T08:00:00+08:00")
                .expirationMinutes(30)
                .resellerReference("OTA-77")
                .unitItems(List.of(new UnitItemRequest().unitId("adult"), new UnitItemRequest().unitId("child")))
                .contact(new Contact().fullName("Wang Fang").emailAddress("wang.fang@example.cn"))
                .notes("wheelchair");
        Booking b = client.reserve(req);
        assertThat(req.getUuid()).isEqualTo("99999999-8888-4777-8666-555555555555");
        assertThat(b.getStatus()).isEqualTo(BookingStatus.ON_HOLD);
        assertThat(b.getUtcExpiresAt()).isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
        assertThat(b.getUtcConfirmedAt()).isNull();
        wm.verify(postRequestedFor(urlEqualTo("/octo/bookings"))
                .withRequestBody(equalToJson(
                        "{"
                                + "\"uuid\":\"99999999-8888-4777-8666-555555555555\",\"productId\":\"timed-entry\",\"optionId\":\"DEFAULT\","
                                + "\"availabilityId\":\"2026-11-25T08:00:00+08:00\",\"expirationMinutes\":30,"
                                + "\"unitItems\":[{\"unitId\":\"adult\"},{\"unitId\":\"child\"}],\"resellerReference\":\"OTA-77\","
                                + "\"contact\":{\"fullName\":\"Wang Fang\",\"emailAddress\":\"wang.fang@example.cn\"},\"notes\":\"wheelchair\"}",
                        false,
                        false)));
    }

    @Test
    void reserveKeepsACallerChosenUuid() {
        wm.stubFor(post("/octo/bookings").willReturn(okJson(fixture("booking-on-hold.json"))));
        client.reserve(new BookingReservationRequest()
                .uuid(UUID)
                .productId("p")
                .optionId("o")
                .availabilityId("a"));
        wm.verify(postRequestedFor(urlEqualTo("/octo/bookings"))
                .withRequestBody(equalToJson(
                        "{\"uuid\":\"" + UUID + "\",\"productId\":\"p\",\"optionId\":\"o\",\"availabilityId\":\"a\"}",
                        false,
                        false)));
    }

    @Test
    void confirmReturnsTicketsWithQrCodes() {
        wm.stubFor(post("/octo/bookings/" + UUID + "/confirm").willReturn(okJson(fixture("booking-confirmed.json"))));
        Booking b = client.confirm(
                UUID,
                new BookingConfirmationRequest()
                        .resellerReference("OTA-77")
                        .contact(new Contact().fullName("Wang Fang")));
        assertThat(b.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.getUtcConfirmedAt()).isEqualTo(Instant.parse("2026-11-24T10:05:00Z"));
        assertThat(b.getUnitItems().get(0).getTicket().deliveryValue(DeliveryFormat.QRCODE))
                .isEqualTo("SP1:QR-PASS-TEXT");
        wm.verify(postRequestedFor(urlEqualTo("/octo/bookings/" + UUID + "/confirm"))
                .withRequestBody(equalToJson(
                        "{\"resellerReference\":\"OTA-77\",\"contact\":{\"fullName\":\"Wang Fang\"}}", false, false)));
    }

    @Test
    void confirmWithoutBodySendsAnEmptyObject() {
        wm.stubFor(post("/octo/bookings/" + UUID + "/confirm").willReturn(okJson(fixture("booking-confirmed.json"))));
        client.confirm(UUID, null);
        wm.verify(postRequestedFor(urlEqualTo("/octo/bookings/" + UUID + "/confirm"))
                .withRequestBody(equalToJson("{}", false, false)));
    }

    @Test
    void extendSendsMinutes() {
        wm.stubFor(post("/octo/bookings/" + UUID + "/extend").willReturn(okJson(fixture("booking-on-hold.json"))));
        assertThat(client.extend(UUID, new BookingExtendRequest().expirationMinutes(15))
                        .getStatus())
                .isEqualTo(BookingStatus.ON_HOLD);
        wm.verify(postRequestedFor(urlEqualTo("/octo/bookings/" + UUID + "/extend"))
                .withRequestBody(equalToJson("{\"expirationMinutes\":15}", false, false)));
    }

    @Test
    void cancelSendsReasonAndForce() {
        wm.stubFor(post("/octo/bookings/" + UUID + "/cancel").willReturn(okJson(fixture("booking-cancelled.json"))));
        Booking b = client.cancel(
                UUID,
                new BookingCancellationRequest().reason("customer request").force(false));
        assertThat(b.getStatus()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(b.isCancellable()).isFalse();
        assertThat(b.getCancellation().getRefund()).isEqualTo(RefundType.FULL);
        assertThat(b.getCancellation().getUtcCancelledAt()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        wm.verify(postRequestedFor(urlEqualTo("/octo/bookings/" + UUID + "/cancel"))
                .withRequestBody(equalToJson("{\"reason\":\"customer request\",\"force\":false}", false, false)));
    }

    @Test
    void updateUsesPatch() {
        wm.stubFor(patch(urlEqualTo("/octo/bookings/" + UUID)).willReturn(okJson(fixture("booking-confirmed.json"))));
        client.update(
                UUID, new BookingUpdateRequest().resellerReference("OTA-78").notes("late arrival"));
        wm.verify(patchRequestedFor(urlEqualTo("/octo/bookings/" + UUID))
                .withRequestBody(
                        equalToJson("{\"resellerReference\":\"OTA-78\",\"notes\":\"late arrival\"}", false, false)));
    }

    @Test
    void getOneBooking() {
        wm.stubFor(get("/octo/bookings/" + UUID).willReturn(okJson(fixture("booking-confirmed.json"))));
        Booking b = client.booking(UUID);
        assertThat(b.getUuid()).isEqualTo(UUID);
        assertThat(b.getContact().getFullName()).isEqualTo("Wang Fang");
        assertThat(b.getPricing().getCurrency()).isEqualTo("CNY");
    }

    @Test
    void listSendsTheFilters() {
        wm.stubFor(get(urlPathEqualTo("/octo/bookings")).willReturn(okJson(fixture("bookings.json"))));
        assertThat(client.bookings(BookingQuery.byResellerReference("OTA-77"))).hasSize(1);
        client.bookings(BookingQuery.byLocalDateRange(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 30))
                .productId("timed-entry")
                .optionId("DEFAULT"));
        client.bookings(BookingQuery.bySupplierReference("SP7K2Q"));
        client.bookings(BookingQuery.byLocalDate(LocalDate.of(2026, 11, 25)));
        wm.verify(getRequestedFor(urlEqualTo("/octo/bookings?resellerReference=OTA-77")));
        wm.verify(
                getRequestedFor(
                        urlEqualTo(
                                "/octo/bookings?localDateStart=2026-11-25&localDateEnd=2026-11-30&productId=timed-entry&optionId=DEFAULT")));
        wm.verify(getRequestedFor(urlEqualTo("/octo/bookings?supplierReference=SP7K2Q")));
        wm.verify(getRequestedFor(urlEqualTo("/octo/bookings?localDate=2026-11-25")));
    }

    @Test
    void listRequiresAFilter() {
        assertThatThrownBy(() -> client.bookings(BookingQuery.byResellerReference(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resellerReference");
        assertThatThrownBy(() -> client.bookings(
                        BookingQuery.byLocalDateRange(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.booking(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asyncVariantsCompleteWithTheSameAnswers() throws Exception {
        wm.stubFor(get("/octo/supplier").willReturn(okJson(fixture("supplier.json"))));
        wm.stubFor(get("/octo/bookings/" + UUID).willReturn(okJson(fixture("booking-confirmed.json"))));
        wm.stubFor(post("/octo/bookings").willReturn(okJson(fixture("booking-on-hold.json"))));
        assertThat(client.supplierAsync().get(5, TimeUnit.SECONDS).getId()).isEqualTo("sp-huangshan");
        assertThat(client.bookingAsync(UUID).get(5, TimeUnit.SECONDS).getStatus())
                .isEqualTo(BookingStatus.CONFIRMED);
        BookingReservationRequest req =
                new BookingReservationRequest().productId("p").optionId("o").availabilityId("a");
        var future = client.reserveAsync(req);
        assertThat(req.getUuid()).as("uuid is fixed before the call runs").isNotNull();
        assertThat(future.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(BookingStatus.ON_HOLD);
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertThat(client.toString()).doesNotContain(WireMockFixture.API_KEY).contains("/octo");
    }
}
