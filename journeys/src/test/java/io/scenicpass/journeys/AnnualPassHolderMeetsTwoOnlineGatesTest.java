package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.PassCodec;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annual pass holder (one entry a day) at two online gates: admitted at the north gate, refused at the south gate the
 * same day by the server's online claim (ALREADY_ENTERED_TODAY, the gate's own reason; the south gate's ledger never saw
 * the north entry), admitted at the south gate the next day.
 */
class AnnualPassHolderMeetsTwoOnlineGatesTest {
    /** Time enough for the online claim on a loaded build machine (the default budget is measured elsewhere). */
    private static final Map<String, String> PATIENT = Map.of("terminal.onlineCheckMillis", "5000");

    @TempDir
    Path dir;

    @Test
    void oneEntryADayAcrossGatesIsTheServersRuleToo() throws Exception {
        try (Park park = Park.open(dir, PATIENT)) {
            String key = park.server.channel("annual-ota", 1000, 1000, null);
            PassFixtures.product(park.server, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String sold = PassCodec.decode(
                            PassFixtures.book(park.server, key, "annual-online-1", "annual", PassFixtures.DAY1))
                    .claims()
                    .passId();
            park.timeIs(Instant.parse("2026-06-02T02:00:00Z"));
            var activated = park.admin(
                    "POST",
                    "/admin/v1/annual-passes/" + sold + "/activate",
                    "{\"holder\":{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"张三\"},"
                            + "\"enrolment\":{\"source\":\"KIOSK\",\"reference\":\"photo-1\"}}");
            assertThat(activated.status()).as(activated.body()).isEqualTo(200);
            String text = activated.json().get("passText").asText();
            assertThat(PassCodec.decode(text).claims().onlinePreferred()).isTrue();

            park.timeIs(Instant.parse("2026-06-03T01:30:00Z"));
            EmbeddedGate north = park.gate("gate-north");
            EmbeddedGate south = park.gate("gate-south");
            assertThat(north.start().success()).isTrue();
            assertThat(south.start().success()).isTrue();
            Decision first = north.scan(text);
            assertThat(first.admitted()).as("%s", first).isTrue();

            park.timeIs(Instant.parse("2026-06-03T06:00:00Z"));
            Decision again = south.scan(text);
            assertThat(again.admitted()).as("%s", again).isFalse();
            assertThat(again.reason()).isEqualTo("ALREADY_ENTERED_TODAY");
            assertThat(again.rule()).contains("online");
            assertThat(south.onlineCheckStats().answered()).isEqualTo(1);

            // the next day (from local midnight): the south gate admits
            park.timeIs(Instant.parse("2026-06-04T01:00:00Z"));
            Decision nextDay = south.scan(text);
            assertThat(nextDay.admitted()).as("%s", nextDay).isTrue();
            assertThat(north.syncNow().success()).isTrue();
            assertThat(south.syncNow().success()).isTrue();
            assertThat(park.admin("GET", "/admin/v1/overuse-conflicts", null).json())
                    .isEmpty();
        }
    }
}
