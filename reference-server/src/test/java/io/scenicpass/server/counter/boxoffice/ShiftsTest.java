package io.scenicpass.server.counter.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cashiers (admin API, PIN sign-in and its throttles) and shifts (open, current, close) on a real server. */
class ShiftsTest {
    @TempDir
    Path dir;

    @Test
    void theOperatorManagesCashiersAndNeverSeesAPin() {
        try (TestServer ts = TestServer.h2(dir.resolve("server"))) {
            BoxOfficeFixture box = new BoxOfficeFixture(ts);
            JsonNode wang = box.cashier("wang", "CASHIER", "4711");
            assertThat(wang.get("role").asText()).isEqualTo("CASHIER");
            assertThat(wang.get("active").asBoolean()).isTrue();
            box.cashier("li", "SUPERVISOR", "998877");
            TestServer.Answer list = ts.get("/admin/v1/cashiers", TestServer.ADMIN);
            assertThat(list.json()).hasSize(2);
            assertThat(list.body()).doesNotContain("4711", "998877", "pin", "argon2");

            // bad input: typed errors, nothing stored
            assertThat(code(ts.post(
                            "/admin/v1/cashiers",
                            TestServer.ADMIN,
                            "{\"id\":\"wang\",\"name\":\"W\",\"pin\":\"1234\"}")))
                    .isEqualTo("409 CONFLICT");
            assertThat(code(ts.post(
                            "/admin/v1/cashiers", TestServer.ADMIN, "{\"id\":\"x\",\"name\":\"X\",\"pin\":\"12\"}")))
                    .isEqualTo("400 BAD_REQUEST");
            assertThat(code(ts.post(
                            "/admin/v1/cashiers",
                            TestServer.ADMIN,
                            "{\"id\":\"x\",\"name\":\"X\",\"pin\":\"1234\",\"role\":\"BOSS\"}")))
                    .isEqualTo("400 BAD_REQUEST");
            assertThat(code(ts.post(
                            "/admin/v1/cashiers",
                            TestServer.ADMIN,
                            "{\"id\":\"x\",\"name\":\"X\",\"pin\":\"1234\",\"x\":1}")))
                    .isEqualTo("400 BAD_REQUEST");
            assertThat(code(ts.post("/admin/v1/cashiers", "wrong", "{}"))).isEqualTo("401 UNAUTHORIZED");
            assertThat(ts.get("/admin/v1/cashiers", TestServer.ADMIN).json()).hasSize(2);

            // deactivated: can no longer sign in; a new PIN from the operator works once active again
            String device = box.counter.boxOffice;
            assertThat(ts.send("PATCH", "/admin/v1/cashiers/wang", TestServer.ADMIN, "{\"active\":false}", Map.of())
                            .json()
                            .get("active")
                            .asBoolean())
                    .isFalse();
            assertThat(code(open(box, device, "wang", "4711"))).isEqualTo("401 WRONG_PIN");
            ts.send(
                    "PATCH",
                    "/admin/v1/cashiers/wang",
                    TestServer.ADMIN,
                    "{\"active\":true,\"pin\":\"2468\"}",
                    Map.of());
            assertThat(code(open(box, device, "wang", "4711"))).isEqualTo("401 WRONG_PIN");
            assertThat(open(box, device, "wang", "2468").status()).isEqualTo(201);
            assertThat(code(ts.send(
                            "PATCH", "/admin/v1/cashiers/nobody", TestServer.ADMIN, "{\"active\":true}", Map.of())))
                    .isEqualTo("404 NOT_FOUND");
        }
    }

    @Test
    void aShiftOpensOncePerDeviceAndClosesWithItsCashUp() {
        try (TestServer ts = TestServer.h2(dir.resolve("server"))) {
            BoxOfficeFixture box = new BoxOfficeFixture(ts);
            box.cashier("wang", "CASHIER", "4711");
            box.cashier("zhao", "CASHIER", "1357");
            String device = box.counter.boxOffice;
            String other = box.counter.enroll("BOX_OFFICE");

            assertThat(code(box.as(device, "GET", "/terminal/v1/counter/shifts/current", null)))
                    .isEqualTo("404 NOT_FOUND");
            // only a box office has shifts
            assertThat(code(box.open(box.counter.kiosk, "wang", "4711", 0))).isEqualTo("403 BOX_OFFICE_ONLY");
            assertThat(code(box.open(box.counter.gate, "wang", "4711", 0))).isEqualTo("403 NOT_A_SELLER");
            JsonNode shift = box.openShift(device, "wang", "4711", 50_000);
            String id = shift.get("shiftId").asText();
            assertThat(shift.get("state").asText()).isEqualTo("OPEN");
            assertThat(shift.get("cashierId").asText()).isEqualTo("wang");
            assertThat(shift.get("expectedCashFen").asLong()).isEqualTo(50_000);

            // one open shift per device, whoever asks; another device opens its own
            TestServer.Answer again = open(box, device, "zhao", "1357");
            assertThat(code(again)).isEqualTo("409 SHIFT_ALREADY_OPEN");
            assertThat(again.body()).contains(id);
            String otherId =
                    box.openShift(other, "zhao", "1357", 0).get("shiftId").asText();
            assertThat(box.as(device, "GET", "/terminal/v1/counter/shifts/current", null)
                            .json()
                            .get("shiftId")
                            .asText())
                    .isEqualTo(id);

            // bad input and another device's shift
            assertThat(code(box.as(device, "POST", "/terminal/v1/counter/shifts/" + id + "/close", "{}")))
                    .isEqualTo("400 BAD_REQUEST");
            assertThat(code(box.as(
                            device, "POST", "/terminal/v1/counter/shifts/" + id + "/close", "{\"countedCashFen\":-1}")))
                    .isEqualTo("400 BAD_REQUEST");
            assertThat(code(box.as(
                            device,
                            "POST",
                            "/terminal/v1/counter/shifts/" + otherId + "/close",
                            "{\"countedCashFen\":0}")))
                    .isEqualTo("404 NOT_FOUND");

            ts.clock.advance(Duration.ofHours(8));
            TestServer.Answer closed = box.as(
                    device,
                    "POST",
                    "/terminal/v1/counter/shifts/" + id + "/close",
                    "{\"countedCashFen\":49900,\"deviceTally\":{\"sales\":[],\"refunds\":[]}}");
            assertThat(closed.status()).isEqualTo(200);
            JsonNode r = closed.json();
            assertThat(r.get("state").asText()).isEqualTo("CLOSED");
            assertThat(r.get("expectedCashFen").asLong()).isEqualTo(50_000);
            assertThat(r.get("countedCashFen").asLong()).isEqualTo(49_900);
            assertThat(r.get("differenceFen").asLong()).isEqualTo(-100); // a shortfall
            assertThat(r.get("balanced").asBoolean()).isFalse();
            assertThat(r.get("reconciliation").get("checked").asBoolean()).isTrue();
            assertThat(r.get("closedAt").asText()).isEqualTo("2026-06-01T08:00:00Z");

            // a retried close answers the frozen report, even with another count
            ts.clock.advance(Duration.ofMinutes(1));
            TestServer.Answer retry = box.as(
                    device, "POST", "/terminal/v1/counter/shifts/" + id + "/close", "{\"countedCashFen\":50000}");
            assertThat(retry.json()).isEqualTo(r);
            assertThat(code(box.as(device, "GET", "/terminal/v1/counter/shifts/current", null)))
                    .isEqualTo("404 NOT_FOUND");
            assertThat(box.openShift(device, "zhao", "1357", 10_000)
                            .get("shiftId")
                            .asText())
                    .isNotEqualTo(id);

            // the operator's view: by device and time, reports included
            JsonNode all = ts.get("/admin/v1/counter/shifts", TestServer.ADMIN).json();
            assertThat(all).hasSize(3);
            JsonNode mine = ts.get(
                            "/admin/v1/counter/shifts?deviceId="
                                    + r.get("deviceId").asText(),
                            TestServer.ADMIN)
                    .json();
            assertThat(mine).hasSize(2);
            assertThat(mine.get(0)).isEqualTo(r);
            assertThat(ts.get("/admin/v1/counter/shifts?from=2026-06-01T07:00:00Z", TestServer.ADMIN)
                            .json())
                    .hasSize(1);
            assertThat(code(ts.get("/admin/v1/counter/shifts?from=yesterday", TestServer.ADMIN)))
                    .isEqualTo("400 BAD_REQUEST");
            assertThat(ts.get("/admin/v1/counter/shifts/" + id, TestServer.ADMIN)
                            .json())
                    .isEqualTo(r);
        }
    }

    @Test
    void wrongPinsAreThrottledPerCashierAndPerAddress() {
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer ts = new TestServer(dir.resolve("server"), null, clock, Map.of("auth.maxFailures", "6"))) {
            BoxOfficeFixture box = new BoxOfficeFixture(ts);
            box.cashier("wang", "CASHIER", "4711");
            box.cashier("zhao", "CASHIER", "1357");
            String device = box.counter.boxOffice;
            for (int i = 0; i < Cashiers.TRIES; i++) {
                assertThat(code(open(box, device, "wang", "000" + i))).isEqualTo("401 WRONG_PIN");
            }
            // wang's tries are used up: even the right PIN waits; zhao is not locked
            TestServer.Answer locked = open(box, device, "wang", "4711");
            assertThat(code(locked)).isEqualTo("429 TOO_MANY_REQUESTS");
            assertThat(locked.json().get("message").asText()).contains("wrong PINs for cashier wang");
            // every wrong PIN also counts against the address (the server's AuthThrottle): the 6th empties it
            assertThat(code(open(box, device, "zhao", "9999"))).isEqualTo("401 WRONG_PIN");
            TestServer.Answer address = open(box, device, "zhao", "1357");
            assertThat(code(address)).isEqualTo("429 TOO_MANY_REQUESTS");
            assertThat(address.json().get("message").asText()).contains("from this address");

            clock.advance(Duration.ofSeconds(Cashiers.REFILL_SECONDS));
            assertThat(open(box, device, "wang", "4711").status()).isEqualTo(201);
        }
    }

    private static TestServer.Answer open(BoxOfficeFixture box, String device, String cashier, String pin) {
        return box.open(device, cashier, pin, 100);
    }

    private static String code(TestServer.Answer a) {
        return a.status() + " "
                + (a.body().startsWith("{") && a.json().has("code")
                        ? a.json().get("code").asText()
                        : "null");
    }
}
