package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.AvailabilityCalendarDay;
import io.scenicpass.channel.model.AvailabilityCalendarRequest;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typhoon is forecast for tomorrow: Ctrip has sold a couple's tickets for that day. The park's administrator closes
 * tomorrow on the console's closures page — first seeing that one booking of two visitors falls on it — and confirms.
 * Ctrip's calendar shows the day CLOSED and a new reservation is refused, the day after stays on sale; the couple's
 * booking stays valid until the operator, following the page's link to that day's bookings, cancels it with the
 * reason, and Ctrip sees it cancelled.
 */
class TyphoonClosesTheParkTest {
    static final String TOMORROW = "2026-06-02";

    @TempDir
    Path dir;

    Park park;

    @BeforeEach
    void open() {
        park = Park.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        park.close();
    }

    @Test
    void theOperatorClosesTomorrowAndCtripSeesItClosed() throws Exception {
        String key = park.demo.channelKeys().get("ctrip");
        String family = reserve(key, "TY-1", "10:00", "park-entry-adult", "park-entry-adult");
        TestServer.Answer sold = park.server.post(
                "/octo/bookings/" + family + "/confirm",
                key,
                "{\"resellerReference\":\"CT-88\",\"contact\":{\"fullName\":\"Wang Fang\",\"phoneNumber\":\"+8613800138000\"}}");
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);

        PageClient console = ConsoleSignIn.as(park.server, "admin", ConsoleSignIn.adminPassword(park.server));
        assertThat(console.get("/console/catalogue/closures?product=park-entry").status())
                .isEqualTo(200);
        Map<String, String> closure = Map.of(
                "product", "park-entry",
                "option", "",
                "firstDay", TOMORROW,
                "lastDay", TOMORROW,
                "reason", "Typhoon Haikui");
        PageClient.Page preview = console.post("/console/catalogue/closures/preview", closure);
        assertThat(preview.body())
                .as("what the closure affects, before it is confirmed")
                .contains(
                        "data-bookings=\"1\" data-visitors=\"2\"", "href=\"/console/bookings?date=" + TOMORROW + "\"");
        assertThat(calendar(TOMORROW)).isNotEqualTo("CLOSED");
        assertThat(console.post("/console/catalogue/closures", closure).status())
                .isEqualTo(303);

        assertThat(calendar(TOMORROW)).as("Ctrip sees the day closed").isEqualTo("CLOSED");
        assertThat(calendar("2026-06-03")).isNotEqualTo("CLOSED");
        TestServer.Answer refused = park.server.post(
                "/octo/bookings",
                key,
                TestServer.reserve("TY-2", "park-entry", TOMORROW + "T12:00:00+08:00", "park-entry-adult")
                        .replace("park-entry-opt", "park-entry-std"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(park.server
                        .get("/octo/bookings/" + family, key)
                        .json()
                        .get("status")
                        .asText())
                .as("sold stays sold until the operator cancels")
                .isEqualTo("CONFIRMED");

        assertThat(console.get("/console/bookings?date=" + TOMORROW).body())
                .contains("data-booking=\"" + family + "\"");
        PageClient.Page cancelled = console.post(
                "/console/bookings/cancel", Map.of("uuid", family, "reason", "Typhoon Haikui: park closed"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(303);
        assertThat(park.server
                        .get("/octo/bookings/" + family, key)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
        assertThat(park.admin("GET", "/admin/v1/audit?action=closure", null).body())
                .contains("console: closure", "Typhoon Haikui", "operator:admin");
    }

    private String reserve(String key, String uuid, String time, String... units) {
        TestServer.Answer held = park.server.post(
                "/octo/bookings",
                key,
                TestServer.reserve(uuid, "park-entry", TOMORROW + "T" + time + ":00+08:00", units)
                        .replace("park-entry-opt", "park-entry-std"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        return uuid;
    }

    private String calendar(String day) {
        ChannelClient ctrip = park.reseller("ctrip");
        List<AvailabilityCalendarDay> days = ctrip.calendar(new AvailabilityCalendarRequest()
                .productId("park-entry")
                .optionId("park-entry-std")
                .localDateStart(LocalDate.parse(day))
                .localDateEnd(LocalDate.parse(day)));
        return days.get(0).getStatus().name();
    }
}
