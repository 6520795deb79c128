package io.scenicpass.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.scenicpass.channel.WireMockFixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.UnitItemRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Captures everything the client logs at DEBUG and checks that no secret or personal datum appears. */
class ChannelClientLoggingTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.scenicpass.channel");

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

    @Test
    void neverLogsTheApiKeyOrPersonalData() {
        WireMockFixture fx = new WireMockFixture();
        ChannelClient client = fx.builder(wm).build();
        wm.stubFor(post("/octo/bookings")
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("ok"));
        wm.stubFor(post("/octo/bookings")
                .inScenario("s")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("booking-on-hold.json"))));
        wm.stubFor(get("/octo/bookings/x").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get("/octo/bookings/y")
                .willReturn(okJson("{\"contact\":{\"fullName\":\"Wang Fang\"},\"utcCreatedAt\":\"Wang Fang\"}")));
        wm.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/octo/bookings"))
                .willReturn(
                        aResponse().withStatus(400).withBody("{\"error\":\"BAD_REQUEST\",\"errorMessage\":\"bad\"}")));

        client.reserve(new BookingReservationRequest()
                .productId("p")
                .optionId("o")
                .availabilityId("a")
                .unitItems(List.of(
                        new UnitItemRequest().unitId("adult").contact(new Contact().phoneNumber("+8613800000000"))))
                .contact(new Contact().fullName("Wang Fang").emailAddress("wang.fang@example.cn")));
        Throwable io = catchThrowable(() -> client.booking("x"));
        Throwable malformed = catchThrowable(() -> client.booking("y"));
        Throwable bad = catchThrowable(() -> client.bookings(BookingQuery.byResellerReference("wang.fang@example.cn")));
        client.close();

        String logs = appender.list.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(logs)
                .as("the client does log its calls")
                .contains("POST /bookings")
                .contains("HTTP 503")
                .contains("retrying");
        String everything = logs + "\n" + io + "\n" + malformed + "\n" + bad + "\n" + client;
        for (String secret :
                List.of(WireMockFixture.API_KEY, "Bearer", "Wang Fang", "wang.fang@example.cn", "+8613800000000")) {
            assertThat(everything).as("must not leak " + secret).doesNotContain(secret);
        }
    }
}
