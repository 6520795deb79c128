package io.scenicpass.server.counter.boxoffice;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.counter.CounterFixture;
import io.scenicpass.server.testing.TestServer;

/**
 * The counter's fixture (product "tour", a kiosk, a box office, a gate) plus the box office's own: cashiers and
 * shifts, through the real APIs. Devices are named by their device token, as in {@link CounterFixture}.
 */
final class BoxOfficeFixture {
    final TestServer ts;
    final CounterFixture counter;

    BoxOfficeFixture(TestServer ts) {
        this.ts = ts;
        this.counter = new CounterFixture(ts);
    }

    /** Creates a cashier over the admin API. */
    JsonNode cashier(String id, String role, String pin) {
        TestServer.Answer a = ts.post(
                "/admin/v1/cashiers",
                TestServer.ADMIN,
                "{\"id\":\"" + id + "\",\"name\":\"Cashier " + id + "\",\"role\":\"" + role + "\",\"pin\":\"" + pin
                        + "\"}");
        if (a.status() != 201) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a.json();
    }

    /** A request as the device with token {@code device}. */
    TestServer.Answer as(String device, String method, String path, String json) {
        return counter.as(device, method, path, json);
    }

    /** Opens a shift; fails the test unless 201. */
    JsonNode openShift(String device, String cashierId, String pin, long floatFen) {
        TestServer.Answer a = open(device, cashierId, pin, floatFen);
        if (a.status() != 201) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a.json();
    }

    TestServer.Answer open(String device, String cashierId, String pin, long floatFen) {
        return as(
                device,
                "POST",
                "/terminal/v1/counter/shifts",
                "{\"cashierId\":\"" + cashierId + "\",\"pin\":\"" + pin + "\",\"openingFloatFen\":" + floatFen + "}");
    }

    /** Sells {@code units} of "tour" in the shift at {@code device}; returns the sale id. */
    String sell(String device, String shiftId, String... units) {
        String id = java.util.UUID.randomUUID().toString();
        TestServer.Answer a = sellAnswer(device, shiftId, id, units);
        if (a.status() != 201) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return id;
    }

    /** A sale of {@code units} of "tour" naming {@code shiftId}, the answer as it comes. */
    TestServer.Answer sellAnswer(String device, String shiftId, String... units) {
        return sellAnswer(device, shiftId, java.util.UUID.randomUUID().toString(), units);
    }

    private TestServer.Answer sellAnswer(String device, String shiftId, String saleId, String... units) {
        return as(device, "POST", "/terminal/v1/counter/sales", CounterFixture.shiftSaleBody(saleId, shiftId, units));
    }

    /** Refunds at {@code device}; the answer as it comes. */
    TestServer.Answer refund(String device, String saleId, String body) {
        return as(device, "POST", "/terminal/v1/counter/sales/" + saleId + "/refund", body);
    }

    /** The revocation feed as the gate reads it. */
    String revoked() {
        return as(counter.gate, "GET", "/terminal/v1/revocations?since=0", null).body();
    }

    /** The gate admits the pass now (its entry ingested like an upload). */
    void enter(String passId) {
        var gate = ts.server.devices().authenticate("Device " + counter.gate);
        ts.server
                .entries()
                .ingest(
                        gate,
                        new io.scenicpass.core.wire.EntryBatch(
                                gate.id(),
                                java.util.List.of(io.scenicpass.server.terminal.TerminalFixtures.admit(
                                        passId, gate.id(), "gate-a", ts.clock.instant()))));
    }
}
