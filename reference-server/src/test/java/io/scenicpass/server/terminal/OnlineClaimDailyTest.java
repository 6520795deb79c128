package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.wire.EntryAckReason;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The online claim knows an annual pass's terms as the gate does offline: one entry a day of the pass (the second gate
 * that day is refused ALREADY_ENTERED_TODAY, the next day admits), an offline upload over the day's allowance is an
 * over-use conflict, a frozen pass is refused FROZEN, one not activated NOT_ACTIVATED and, after its activation
 * deadline, EXPIRED.
 */
class OnlineClaimDailyTest {
    static final String HOLDER = "{\"holder\":{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"张三\"},"
            + "\"enrolment\":{\"source\":\"KIOSK\",\"reference\":\"face-template-7\"}}";

    @TempDir
    Path dir;

    @Test
    void oneEntryADayAcrossGatesAndTheAnnualPassStates() throws Exception {
        try (TestServer ts = TestServer.h2(dir.resolve("server"));
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            PassFixtures.product(ts, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String soldText = PassFixtures.book(ts, key, "annual-1", "annual", PassFixtures.DAY1);
            String sold = TerminalFixtures.passId(soldText);
            String neverText = PassFixtures.book(ts, key, "annual-2", "annual", PassFixtures.DAY1);
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");

            ts.clock.set(Instant.parse("2026-06-02T02:00:00Z"));
            assertThat(reason(ts, a, "ev-sold", soldText, "gate-a")).isEqualTo("NOT_ACTIVATED");
            TestServer.Answer active = ts.send(
                    "POST", "/admin/v1/annual-passes/" + sold + "/activate", TestServer.ADMIN, HOLDER, Map.of());
            assertThat(active.status()).as(active.body()).isEqualTo(200);
            String text = active.json().get("passText").asText();
            String pass = active.json().get("passId").asText();

            // the next day: gate A admits online, gate B refuses the same day with the gate's own reason
            ts.clock.set(Instant.parse("2026-06-03T01:30:00Z"));
            assertThat(reason(ts, a, "ev-a-1", text, "gate-a")).isEqualTo("OK");
            ts.clock.set(Instant.parse("2026-06-03T08:00:00Z"));
            assertThat(reason(ts, b, "ev-b-1", text, "gate-b")).isEqualTo("ALREADY_ENTERED_TODAY");
            assertThat(th.entries.conflicts(100))
                    .as("a refused claim records no conflict")
                    .isEmpty();
            // gate B admitted it offline that day anyway: its upload is an over-use of the day's allowance
            EntryEvent offline =
                    TerminalFixtures.admit(pass, b.deviceId(), "gate-b", Instant.parse("2026-06-03T06:00:00Z"));
            var ack = TerminalFixtures.postEntries(ts.http, b, new EntryBatch(b.deviceId(), List.of(offline)));
            assertThat(ack.results().get(0).status()).isEqualTo(EntryAckStatus.OVERUSE_CONFLICT);
            assertThat(ack.results().get(0).reason()).isEqualTo(EntryAckReason.ALLOWANCE_USED);
            assertThat(th.entries.conflicts(100)).singleElement().satisfies(k -> {
                assertThat(k.passId()).isEqualTo(pass);
                assertThat(k.allowed()).isEqualTo(1);
                assertThat(k.priorGateId()).isEqualTo("gate-a");
            });

            // the day after (the pass's days start at local midnight, 16:00 UTC): admitted again
            ts.clock.set(Instant.parse("2026-06-03T16:30:00Z"));
            assertThat(reason(ts, b, "ev-b-2", text, "gate-b")).isEqualTo("OK");

            // frozen: refused FROZEN online, as the gate does once it synced; unfrozen: admitted the next day
            ts.clock.set(Instant.parse("2026-06-05T01:00:00Z"));
            assertThat(ts.send(
                                    "POST",
                                    "/admin/v1/annual-passes/" + sold + "/freeze",
                                    TestServer.ADMIN,
                                    "{\"reason\":\"lent\"}",
                                    Map.of())
                            .status())
                    .isEqualTo(200);
            assertThat(reason(ts, a, "ev-a-frozen", text, "gate-a")).isEqualTo("FROZEN");
            assertThat(ts.send(
                                    "POST",
                                    "/admin/v1/annual-passes/" + sold + "/unfreeze",
                                    TestServer.ADMIN,
                                    "{}",
                                    Map.of())
                            .status())
                    .isEqualTo(200);
            assertThat(reason(ts, a, "ev-a-3", text, "gate-a")).isEqualTo("OK");

            // never activated, and the 90 days to activate it are over: EXPIRED, as ValidityRule says
            ts.clock.set(Instant.parse("2026-09-05T02:00:00Z"));
            assertThat(reason(ts, a, "ev-never", neverText, "gate-a")).isEqualTo("EXPIRED");
            assertThat(PassCodec.decode(neverText).claims().activationRequired())
                    .isTrue();
        }
    }

    private static String reason(TestServer ts, DeviceCredentials d, String eventId, String text, String gate) {
        JsonNode a = OnlineClaimContract.claim(ts, d, eventId, text, gate);
        assertThat(a.get("verdict").asText())
                .isEqualTo("OK".equals(a.get("reason").asText()) ? "ADMIT" : "DENY");
        return a.get("reason").asText();
    }
}
