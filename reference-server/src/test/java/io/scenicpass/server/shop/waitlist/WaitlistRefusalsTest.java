package io.scenicpass.server.shop.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.shop.waitlist.WaitlistRefusal.Code;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import io.scenicpass.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining is refused with a typed code; the operators' view masks visitors; the accept window is a setting. */
class WaitlistRefusalsTest {
    @TempDir
    Path dir;

    TestServer t;
    WaitlistFixture f;

    @BeforeEach
    void start() {
        t = TestServer.h2(dir);
        f = new WaitlistFixture(t, 3, true);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private WaitlistService lists() {
        return f.waitlist.lists;
    }

    private static void refused(Code code, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        WaitlistRefusal.class, r -> assertThat(r.code()).isEqualTo(code));
    }

    @Test
    void refusalsAreTyped() {
        String slot = WaitlistFixture.SLOT;
        String adult = WaitlistFixture.ADULT;
        refused(Code.WAITLIST_NOT_SOLD_OUT, () -> lists().join(1, slot, Map.of(adult, "1")));
        f.sell(2);
        refused(Code.WAITLIST_NOT_SOLD_OUT, () -> lists().join(1, slot, Map.of(adult, "1")));
        // one place left: a party of two may wait for a second one
        assertThat(lists().join(1, slot, Map.of(adult, "2")).entry().status()).isEqualTo(WaitlistEntry.Status.WAITING);
        f.sell(1);
        refused(Code.WAITLIST_ALREADY_WAITING, () -> lists().join(1, slot, Map.of(adult, "1")));
        refused(Code.WAITLIST_TOO_MANY_UNITS, () -> lists().join(2, slot, Map.of(adult, "4")));
        refused(Code.WAITLIST_TOO_MANY_UNITS, () -> lists().join(2, slot, Map.of(adult, "11")));
        refused(Code.WAITLIST_BAD_PARTY, () -> lists().join(2, slot, Map.of(adult, "0")));
        refused(Code.WAITLIST_BAD_PARTY, () -> lists().join(2, slot, Map.of(adult, "-1")));
        refused(Code.WAITLIST_BAD_PARTY, () -> lists().join(2, slot, Map.of("no-such-unit", "1")));
        refused(Code.WAITLIST_UNKNOWN_SLOT, () -> lists().join(2, "nope|2026-06-02T10:00:00+08:00", Map.of()));
        refused(Code.WAITLIST_UNKNOWN_ENTRY, () -> lists().get(2, 999_999));
        long mine = lists().onList(1, slot).orElseThrow().entry().id();
        refused(Code.WAITLIST_UNKNOWN_ENTRY, () -> lists().leave(2, mine));
        refused(Code.WAITLIST_NO_OFFER, () -> lists().decline(1, mine));

        // the operators' view: counts, the line, no contact in clear
        JsonNode list = t.get(
                        "/admin/v1/waitlist?slotId=" + URLEncoder.encode(slot, StandardCharsets.UTF_8),
                        TestServer.ADMIN)
                .json();
        assertThat(list.get("counts").get("WAITING").asInt()).isEqualTo(1);
        assertThat(list.get("entries").get(0).get("place").asInt()).isEqualTo(1);
        assertThat(list.get("entries").get(0).get("party").get(adult).asInt()).isEqualTo(2);
        assertThat(t.get("/admin/v1/waitlist", TestServer.ADMIN)
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("BAD_REQUEST");
        assertThat(t.get("/admin/v1/waitlist?slotId=x", null).status()).isEqualTo(401);

        t.clock.advance(Duration.ofDays(2));
        refused(Code.WAITLIST_SLOT_OVER, () -> lists().join(3, slot, Map.of(adult, "1")));
        assertThat(f.waitlist.offers.run())
                .as("a slot that is over offers nothing")
                .isZero();
    }

    @Test
    void theAcceptWindowIsAnOperatorSetting() {
        assertThat(t.get("/admin/v1/waitlist/settings", TestServer.ADMIN)
                        .json()
                        .get("acceptMinutes")
                        .asInt())
                .isEqualTo(30);
        TestServer.Answer bad =
                t.send("PUT", "/admin/v1/waitlist/settings", TestServer.ADMIN, "{\"acceptMinutes\":1}", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(t.send("PUT", "/admin/v1/waitlist/settings", TestServer.ADMIN, "{\"acceptMinutes\":12}", Map.of())
                        .json()
                        .get("acceptMinutes")
                        .asInt())
                .isEqualTo(12);
        assertThat(f.waitlist.settings.acceptMinutes()).isEqualTo(12);
    }
}
