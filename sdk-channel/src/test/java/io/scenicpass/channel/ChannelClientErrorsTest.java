package io.scenicpass.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.scenicpass.channel.WireMockFixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.OctoErrorCode;
import io.scenicpass.channel.model.UnitItemRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Errors, retries, rate limits, timeouts and malformed answers. */
class ChannelClientErrorsTest {
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

    private static BookingReservationRequest reservation() {
        return new BookingReservationRequest()
                .productId("timed-entry")
                .optionId("DEFAULT")
                .availabilityId("2026-11-25T08:00:00+08:00")
                .unitItems(List.of(new UnitItemRequest().unitId("adult")));
    }

    @ParameterizedTest
    @EnumSource(
            value = OctoErrorCode.class,
            names = {"UNKNOWN", "TOO_MANY_REQUESTS", "INTERNAL_SERVER_ERROR"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyOctoErrorCodeIsTypedWithItsOffendingIdAndNotRetried(OctoErrorCode code) {
        int status = code == OctoErrorCode.UNAUTHORIZED ? 401 : code == OctoErrorCode.FORBIDDEN ? 403 : 400;
        wm.stubFor(post("/octo/bookings")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"" + code
                                + "\",\"errorMessage\":\"nope\",\"availabilityId\":\"slot-9\"}")));
        OctoApiException e = catchThrowableOfType(OctoApiException.class, () -> client.reserve(reservation()));
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.getHttpStatus()).isEqualTo(status);
        assertThat(e.getOffendingId()).isEqualTo("slot-9");
        assertThat(e.getError().getErrorMessage()).isEqualTo("nope");
        assertThat(e.getBookingUuid()).isEqualTo("99999999-8888-4777-8666-555555555555");
        assertThat(e.getMessage()).contains(code.name()).contains("nope").contains("slot-9");
        wm.verify(1, postRequestedFor(urlEqualTo("/octo/bookings")));
        assertThat(fx.sleeps).isEmpty();
    }

    @Test
    void internalServerErrorIsRetriedThenSurfacedTyped() {
        wm.stubFor(get("/octo/bookings/" + UUID)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody("{\"error\":\"INTERNAL_SERVER_ERROR\",\"errorMessage\":\"db down\",\"uuid\":\"" + UUID
                                + "\"}")));
        OctoApiException e = catchThrowableOfType(OctoApiException.class, () -> client.booking(UUID));
        assertThat(e.getErrorCode()).isEqualTo(OctoErrorCode.INTERNAL_SERVER_ERROR);
        assertThat(e.getOffendingId()).isEqualTo(UUID);
        wm.verify(3, getRequestedFor(urlEqualTo("/octo/bookings/" + UUID)));
        assertThat(fx.sleeps).hasSize(2);
    }

    @Test
    void unknownErrorCodeFromANewerServer() {
        wm.stubFor(get("/octo/products")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":\"INVALID_PROMO_CODE\",\"errorMessage\":\"x\"}")));
        OctoApiException e = catchThrowableOfType(OctoApiException.class, () -> client.products());
        assertThat(e.getErrorCode()).isEqualTo(OctoErrorCode.UNKNOWN);
        assertThat(e.getMessage()).contains("INVALID_PROMO_CODE");
    }

    @ParameterizedTest
    @CsvSource({
        "401,UNAUTHORIZED",
        "403,FORBIDDEN",
        "404,INVALID_BOOKING_UUID",
        "409,UNPROCESSABLE_ENTITY",
        "422,UNPROCESSABLE_ENTITY",
        "413,BAD_REQUEST",
        "400,BAD_REQUEST"
    })
    void bareErrorStatusesMapToCodes(int status, OctoErrorCode code) {
        wm.stubFor(get("/octo/bookings/" + UUID)
                .willReturn(aResponse().withStatus(status).withBody("<html>nope</html>")));
        OctoApiException e = catchThrowableOfType(OctoApiException.class, () -> client.booking(UUID));
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.getError()).isNull();
        wm.verify(1, getRequestedFor(urlEqualTo("/octo/bookings/" + UUID)));
    }

    @Test
    void unknownProductWithoutBodyIsInvalidProductId() {
        wm.stubFor(get("/octo/products/nope").willReturn(aResponse().withStatus(404)));
        assertThat(catchThrowableOfType(OctoApiException.class, () -> client.product("nope"))
                        .getErrorCode())
                .isEqualTo(OctoErrorCode.INVALID_PRODUCT_ID);
    }

    @Test
    void serverErrorsThenSuccessReturnsTheSameBookingWithTheSameUuidAndBody() {
        String sc = "flaky";
        wm.stubFor(post("/octo/bookings")
                .inScenario(sc)
                .whenScenarioStateIs(STARTED)
                .willReturn(serverError())
                .willSetStateTo("2"));
        wm.stubFor(post("/octo/bookings")
                .inScenario(sc)
                .whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable"))
                .willSetStateTo("3"));
        wm.stubFor(post("/octo/bookings")
                .inScenario(sc)
                .whenScenarioStateIs("3")
                .willReturn(okJson(fixture("booking-on-hold.json"))));
        assertThat(client.reserve(reservation()).getStatus()).isEqualTo(BookingStatus.ON_HOLD);
        List<String> bodies = wm.findAll(postRequestedFor(urlEqualTo("/octo/bookings"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .collect(Collectors.toList());
        assertThat(bodies).hasSize(3).allMatch(b -> b.equals(bodies.get(0)));
        assertThat(bodies.get(0)).contains("\"uuid\":\"99999999-8888-4777-8666-555555555555\"");
        assertThat(fx.sleeps).hasSize(2);
    }

    @Test
    void backoffGrowsExponentiallyWithinTheJitterBand() {
        ChannelClient c = fx.builder(wm)
                .retryPolicy(RetryPolicy.defaults()
                        .withMaxAttempts(4)
                        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(250))
                        .withJitter(0.5))
                .build();
        wm.stubFor(get("/octo/supplier").willReturn(serverError()));
        catchThrowableOfType(OctoApiException.class, c::supplier);
        assertThat(fx.sleeps).hasSize(3);
        assertThat(fx.sleeps.get(0).toMillis()).isBetween(50L, 100L);
        assertThat(fx.sleeps.get(1).toMillis()).isBetween(100L, 200L);
        assertThat(fx.sleeps.get(2).toMillis()).isBetween(125L, 250L);
    }

    @Test
    void connectionResetThenSuccess() {
        wm.stubFor(get("/octo/supplier")
                .inScenario("reset")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("ok"));
        wm.stubFor(get("/octo/supplier")
                .inScenario("reset")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("supplier.json"))));
        assertThat(client.supplier().getId()).isEqualTo("sp-huangshan");
    }

    @Test
    void networkFailureAfterAllRetriesIsAChannelIoExceptionWithTheBookingUuid() {
        wm.stubFor(post("/octo/bookings").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        ChannelIoException e = catchThrowableOfType(ChannelIoException.class, () -> client.reserve(reservation()));
        assertThat(e.getBookingUuid()).isEqualTo("99999999-8888-4777-8666-555555555555");
        assertThat(e.getErrorCode()).isEqualTo(OctoErrorCode.INTERNAL_SERVER_ERROR);
        assertThat(e.getHttpStatus()).isZero();
        assertThat(fx.sleeps).hasSize(2);
    }

    @Test
    void timeoutIsRetriedThenReportedAsTimeout() {
        ChannelClient c = fx.builder(wm)
                .readTimeout(Duration.ofMillis(150))
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2))
                .build();
        wm.stubFor(get("/octo/bookings/" + UUID)
                .willReturn(okJson(fixture("booking-confirmed.json")).withFixedDelay(1500)));
        ChannelIoException e = catchThrowableOfType(ChannelIoException.class, () -> c.booking(UUID));
        assertThat(e.isTimeout()).isTrue();
        wm.verify(2, getRequestedFor(urlEqualTo("/octo/bookings/" + UUID)));
    }

    @Test
    void timeoutThenSuccessConfirmsOnceWithTheSameUuid() {
        ChannelClient c = fx.builder(wm).readTimeout(Duration.ofMillis(150)).build();
        String url = "/octo/bookings/" + UUID + "/confirm";
        wm.stubFor(post(url)
                .inScenario("slow")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson(fixture("booking-confirmed.json")).withFixedDelay(1500))
                .willSetStateTo("fast"));
        wm.stubFor(post(url)
                .inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(okJson(fixture("booking-confirmed.json"))));
        assertThat(c.confirm(UUID, null).getUuid()).isEqualTo(UUID);
        wm.verify(2, postRequestedFor(urlEqualTo(url)));
    }

    @Test
    void rateLimitHonoursRetryAfterSeconds() {
        wm.stubFor(get("/octo/products")
                .inScenario("rl")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withBody("{\"error\":\"TOO_MANY_REQUESTS\",\"errorMessage\":\"slow down\"}"))
                .willSetStateTo("ok"));
        wm.stubFor(get("/octo/products")
                .inScenario("rl")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("products.json"))));
        assertThat(client.products()).hasSize(1);
        assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void rateLimitHonoursRetryAfterHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        ChannelClient c = fx.builder(wm).clock(clock).build();
        wm.stubFor(get("/octo/products")
                .inScenario("rl")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Tue, 24 Nov 2026 10:00:03 GMT"))
                .willSetStateTo("ok"));
        wm.stubFor(get("/octo/products")
                .inScenario("rl")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("products.json"))));
        assertThat(c.products()).hasSize(1);
        assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void rateLimitLongerThanTheCapSurfacesAtOnce() {
        wm.stubFor(get("/octo/products")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3600")
                        .withBody("{\"error\":\"TOO_MANY_REQUESTS\",\"errorMessage\":\"quota\"}")));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.products());
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(e.getErrorCode()).isEqualTo(OctoErrorCode.TOO_MANY_REQUESTS);
        assertThat(e.getHttpStatus()).isEqualTo(429);
        assertThat(fx.sleeps).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo("/octo/products")));
    }

    @Test
    void rateLimitPersistingThroughAllAttempts() {
        wm.stubFor(get("/octo/products").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.products());
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all",
                "{\"uuid\":",
                "[1,2,3]",
                "{\"status\":{\"nested\":true}}",
                "{\"utcCreatedAt\":\"last tuesday\"}",
                "null"
            })
    void malformedBodiesAreTypedAndNotRetried(String body) {
        wm.stubFor(get("/octo/bookings/" + UUID)
                .willReturn(aResponse().withStatus(200).withBody(body)));
        MalformedResponseException e =
                catchThrowableOfType(MalformedResponseException.class, () -> client.booking(UUID));
        assertThat(e.getHttpStatus()).isEqualTo(200);
        assertThat(e.getBookingUuid()).isEqualTo(UUID);
        assertThat(e.getMessage()).doesNotContain("last tuesday");
        wm.verify(1, getRequestedFor(urlEqualTo("/octo/bookings/" + UUID)));
    }

    @Test
    void emptyBodyAndObjectInsteadOfListAreMalformed() {
        wm.stubFor(get("/octo/bookings/" + UUID).willReturn(aResponse().withStatus(200)));
        wm.stubFor(get("/octo/products").willReturn(okJson("{\"id\":\"x\"}")));
        assertThat(catchThrowableOfType(MalformedResponseException.class, () -> client.booking(UUID)))
                .hasMessageContaining("empty");
        assertThat(catchThrowableOfType(MalformedResponseException.class, () -> client.products()))
                .isNotNull();
    }

    @Test
    void hugeBodiesAreRefusedNotBuffered() {
        byte[] huge = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        wm.stubFor(get("/octo/products").willReturn(aResponse().withStatus(200).withBody(huge)));
        assertThat(catchThrowableOfType(MalformedResponseException.class, () -> client.products()))
                .hasMessageContaining("over 33554432 bytes");
    }

    @Test
    void asyncFailuresCarryTheTypedException() {
        wm.stubFor(get("/octo/bookings/" + UUID)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":\"INVALID_BOOKING_UUID\",\"errorMessage\":\"unknown\",\"uuid\":\"" + UUID
                                + "\"}")));
        CompletionException e = catchThrowableOfType(
                CompletionException.class,
                () -> client.bookingAsync(UUID).orTimeout(5, TimeUnit.SECONDS).join());
        assertThat(e.getCause()).isInstanceOf(OctoApiException.class);
        assertThat(((ChannelException) e.getCause()).getErrorCode()).isEqualTo(OctoErrorCode.INVALID_BOOKING_UUID);
    }

    @Test
    void interruptedBackoffStopsRetrying() {
        ChannelClient c = fx.builder(wm)
                .sleeper(d -> {
                    throw new InterruptedException();
                })
                .build();
        wm.stubFor(get("/octo/supplier").willReturn(serverError()));
        ChannelIoException e = catchThrowableOfType(ChannelIoException.class, c::supplier);
        assertThat(e.isTimeout()).isTrue();
        assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
        wm.verify(1, getRequestedFor(urlEqualTo("/octo/supplier")));
    }
}
