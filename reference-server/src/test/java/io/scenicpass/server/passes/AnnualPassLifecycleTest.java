package io.scenicpass.server.passes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Blacklist;
import io.scenicpass.core.Claims;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annual pass's lifecycle through the admin API: activation (holder + enrolment, before the deadline; a new signed
 * pass from the local day for 12 months, the sold one revoked, the hook told), freeze (the pass's blacklist entry),
 * appeal, unfreeze (the entry removed), renewal (12 more months, a new pass, the old revoked), refund pro rata checked
 * by hand; wrong states and bad bodies get typed errors.
 */
class AnnualPassLifecycleTest {
    static final String HOLDER = "{\"holder\":{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"张三\"},"
            + "\"enrolment\":{\"source\":\"KIOSK\",\"reference\":\"face-template-7\"}}";
    /** 2026-06-02 00:00 in Asia/Shanghai. */
    static final Instant DAY1 = Instant.parse("2026-06-01T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void activateFreezeAppealUnfreezeRenew() {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = PassFixtures.setUp(ts);
            PassFixtures.product(ts, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            List<String> told = new ArrayList<>();
            ts.server.passProducts().annual.hook(new PassHolderHook() {
                @Override
                public void onActivated(Connection c, AnnualPass pass, Enrolment enrolment) {
                    told.add("activated " + pass.passId() + " " + enrolment.source() + " " + enrolment.reference());
                }

                @Override
                public void onReissued(Connection c, AnnualPass pass, String oldPassId) {
                    told.add("reissued " + oldPassId + " -> " + pass.passId());
                }
            });
            String sold = PassCodec.decode(PassFixtures.book(ts, key, "b1", "annual", PassFixtures.DAY1))
                    .claims()
                    .passId();
            ts.clock.set(Instant.parse("2026-06-02T02:00:00Z")); // 10:00 on the visit day

            JsonNode active = post(ts, "/admin/v1/annual-passes/" + sold + "/activate", HOLDER, 200);
            assertThat(active.get("id").asText()).isEqualTo(sold);
            assertThat(active.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(active.get("holder").asText()).isEqualTo("张* 1101**********002X");
            assertThat(active.toString()).doesNotContain("11010519491231002X");
            String passId = active.get("passId").asText();
            assertThat(passId).isNotEqualTo(sold);
            Claims claims = PassCodec.decode(active.get("passText").asText()).claims();
            assertThat(claims.passId()).isEqualTo(passId);
            assertThat(claims.activationRequired()).isFalse();
            assertThat(claims.entriesPerDay()).isEqualTo(1);
            assertThat(claims.validFrom()).isEqualTo(DAY1);
            assertThat(claims.validUntil()).isEqualTo(Instant.parse("2027-06-01T16:00:00Z"));
            assertThat(told).containsExactly("activated " + passId + " KIOSK face-template-7");
            assertThat(revoked(ts)).contains(sold);
            // found by its old id too; activating again is a state error
            assertThat(ts.get("/admin/v1/annual-passes/" + sold, TestServer.ADMIN)
                            .json()
                            .get("passId")
                            .asText())
                    .isEqualTo(passId);
            assertThat(error(ts, "/admin/v1/annual-passes/" + sold + "/activate", HOLDER, 409))
                    .isEqualTo("PASS_STATE");

            String marker = Blacklist.encode(HolderBinding.frozenPass(passId));
            JsonNode frozen = post(ts, "/admin/v1/annual-passes/" + sold + "/freeze", "{\"reason\":\"lent\"}", 200);
            assertThat(frozen.get("state").asText()).isEqualTo("FROZEN");
            assertThat(frozen.get("freezeReason").asText()).isEqualTo("lent");
            assertThat(blacklist(ts)).containsExactly("ADD " + marker);
            JsonNode appealed =
                    post(ts, "/admin/v1/annual-passes/" + passId + "/appeal", "{\"appeal\":\"it was my twin\"}", 200);
            assertThat(appealed.get("appeal").asText()).isEqualTo("it was my twin");
            assertThat(appealed.get("state").asText()).isEqualTo("FROZEN");
            assertThat(error(ts, "/admin/v1/annual-passes/" + sold + "/renew", "{}", 409))
                    .isEqualTo("PASS_STATE");
            JsonNode unfrozen = post(ts, "/admin/v1/annual-passes/" + sold + "/unfreeze", "{}", 200);
            assertThat(unfrozen.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(blacklist(ts)).containsExactly("ADD " + marker, "REMOVE " + marker);

            JsonNode renewed = post(ts, "/admin/v1/annual-passes/" + sold + "/renew", "{\"price\":28000}", 200);
            String renewedId = renewed.get("passId").asText();
            assertThat(renewedId).isNotEqualTo(passId);
            assertThat(renewed.get("price").asLong()).isEqualTo(28000);
            Claims next = PassCodec.decode(renewed.get("passText").asText()).claims();
            assertThat(next.validFrom()).isEqualTo(DAY1);
            assertThat(next.validUntil()).isEqualTo(Instant.parse("2028-06-01T16:00:00Z"));
            assertThat(revoked(ts)).contains(passId);
            assertThat(told).last().isEqualTo("reissued " + passId + " -> " + renewedId);
        }
    }

    @Test
    void refundProRataAndTheDeadline() {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = PassFixtures.setUp(ts);
            PassFixtures.product(ts, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String a = PassCodec.decode(PassFixtures.book(ts, key, "b1", "annual", PassFixtures.DAY1))
                    .claims()
                    .passId();
            String late = PassCodec.decode(PassFixtures.book(ts, key, "b2", "annual", PassFixtures.DAY1))
                    .claims()
                    .passId();
            ts.clock.set(Instant.parse("2026-06-02T02:00:00Z"));
            post(ts, "/admin/v1/annual-passes/" + a + "/activate", HOLDER, 200);

            // valid 2026-06-02..2027-06-02 local; on 2026-09-15 the unused whole months are Sep 15 -> May 15 = 8
            // (to June 2 is not a 9th): 8 x 30000 / 12 = 20000, minus the 2000 fee = 18000
            ts.clock.set(Instant.parse("2026-09-15T02:00:00Z"));
            assertThat(ts.get("/admin/v1/annual-passes/" + a, TestServer.ADMIN)
                            .json()
                            .get("refundDue")
                            .asLong())
                    .isEqualTo(18000);
            JsonNode refunded = post(ts, "/admin/v1/annual-passes/" + a + "/refund", "{}", 200);
            assertThat(refunded.get("state").asText()).isEqualTo("REFUNDED");
            assertThat(refunded.get("refunded").asLong()).isEqualTo(18000);
            assertThat(revoked(ts))
                    .contains(ts.get("/admin/v1/annual-passes/" + a, TestServer.ADMIN)
                            .json()
                            .get("passId")
                            .asText());
            assertThat(error(ts, "/admin/v1/annual-passes/" + a + "/refund", "{}", 409))
                    .isEqualTo("PASS_STATE");
            assertThat(error(ts, "/admin/v1/annual-passes/" + a + "/freeze", "{\"reason\":\"x\"}", 409))
                    .isEqualTo("PASS_STATE");

            // the other was never activated: 90 days after the visit day it cannot be any more
            ts.clock.set(DAY1.plus(Duration.ofDays(90)));
            assertThat(error(ts, "/admin/v1/annual-passes/" + late + "/activate", HOLDER, 409))
                    .isEqualTo("ACTIVATION_DEADLINE_PASSED");
            // bad bodies and unknown passes
            assertThat(error(ts, "/admin/v1/annual-passes/nope/freeze", "{\"reason\":\"x\"}", 404))
                    .isEqualTo("NOT_FOUND");
            assertThat(error(ts, "/admin/v1/annual-passes/" + late + "/activate", "{}", 400))
                    .isEqualTo("BAD_REQUEST");
            assertThat(error(
                            ts, "/admin/v1/annual-passes/" + late + "/activate", HOLDER.replace("KIOSK", "PHONE"), 400))
                    .isEqualTo("BAD_REQUEST");
            assertThat(error(ts, "/admin/v1/annual-passes?state=LOST", null, 400))
                    .isEqualTo("BAD_REQUEST");
        }
    }

    /** The refund rule by itself: before activation all months count; never below zero. */
    @Test
    void refundRule() {
        PassTerms terms = new PassTerms("UNLIMITED", 0, 1, 0, 1, 12, 90, 2000L);
        AnnualPass sold = new AnnualPass(
                "p",
                "p",
                "b",
                "annual",
                AnnualPass.SOLD,
                30000,
                "CNY",
                DAY1,
                DAY1.plus(Duration.ofDays(90)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        assertThat(AnnualPasses.refundDue(sold, terms, zone, DAY1)).isEqualTo(28000);
        AnnualPass lastMonth = new AnnualPass(
                "p",
                "p",
                "b",
                "annual",
                AnnualPass.ACTIVE,
                30000,
                "CNY",
                DAY1,
                DAY1,
                DAY1,
                DAY1,
                Instant.parse("2027-06-01T16:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(AnnualPasses.refundDue(lastMonth, terms, zone, Instant.parse("2027-05-10T00:00:00Z")))
                .isZero(); // 0 whole months: 0 - 2000 is never given as a debt
    }

    private static JsonNode post(TestServer ts, String path, String body, int status) {
        TestServer.Answer a = ts.send("POST", path, TestServer.ADMIN, body, Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        return a.json();
    }

    private static String error(TestServer ts, String path, String body, int status) {
        TestServer.Answer a =
                body == null ? ts.get(path, TestServer.ADMIN) : ts.send("POST", path, TestServer.ADMIN, body, Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.json().get("message").asText()).isNotBlank();
        return a.json().get("code").asText();
    }

    private static List<String> revoked(TestServer ts) {
        List<String> out = new ArrayList<>();
        ts.get("/admin/v1/revocations?since=0", TestServer.ADMIN)
                .json()
                .forEach(r -> out.add(r.get("passId").asText()));
        return out;
    }

    private static List<String> blacklist(TestServer ts) {
        List<String> out = new ArrayList<>();
        ts.get("/admin/v1/blacklist?since=0", TestServer.ADMIN)
                .json()
                .forEach(r -> out.add(
                        r.get("action").asText() + " " + r.get("binding").asText()));
        return out;
    }
}
