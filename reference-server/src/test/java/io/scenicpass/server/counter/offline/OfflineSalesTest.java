package io.scenicpass.server.counter.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-device allotments and the offline-sales sync over HTTP, on the real server (H2). */
class OfflineSalesTest {
    @TempDir
    Path dir;

    OfflineFixture f;
    OfflineFixture.Box box;

    @BeforeEach
    void start() {
        f = OfflineFixture.h2(dir);
        box = f.enroll("box-1");
    }

    @AfterEach
    void stop() {
        f.ts.close();
    }

    @Test
    void anAllotmentIsTakenFromTheSlotsInventoryAndLoweringItReleasesOnlyUnsoldPlaces() {
        Slot slot = f.slot(0);
        assertThat(f.putAllotment(box.id(), slot.id(), 4).status()).isEqualTo(200);
        assertThat(f.slot(0).held()).isEqualTo(4);
        assertThat(f.slots().get(0).vacancies()).isEqualTo(6);
        // reserved places are no drift: the start-up repair must not give them back to the open inventory
        assertThat(f.ts.server.inventory().repair().check()).isEmpty();
        // every channel sells from what is left: 7 more would oversell the slot
        TestServer.Answer tooMany = f.putAllotment(box.id(), slot.id(), 11);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("code").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(tooMany.json().get("message").asText()).contains("sold out");
        assertThat(f.slot(0).held()).isEqualTo(4);

        assertThat(f.sync(box, f.sale(box, "s1", slot, 3)).get(0).get("status").asText())
                .isEqualTo("SYNCED");
        TestServer.Answer belowSold = f.putAllotment(box.id(), slot.id(), 2);
        assertThat(belowSold.status()).isEqualTo(409);
        assertThat(f.putAllotment(box.id(), slot.id(), 3).status()).isEqualTo(200);
        Slot after = f.slot(0);
        assertThat(after.held()).isZero();
        assertThat(after.sold()).isEqualTo(3);
        assertThat(f.slots().get(0).vacancies()).isEqualTo(7);

        JsonNode listed = f.ts.get("/admin/v1/counter/allotments", TestServer.ADMIN)
                .json()
                .get("allotments");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(listed.get(0).get("sold").asInt()).isEqualTo(3);
        // the counters agree with bookings + allotments: the consistency check (and a repair) leaves them alone
        assertThat(f.ts.server.inventory().repair().check()).isEmpty();
    }

    @Test
    void theDeviceSeesItsAllotmentsWithPricesAndThePassTemplate() {
        Slot slot = f.slot(1);
        f.putAllotment(box.id(), slot.id(), 5);
        OfflineFixture.Box other = f.enroll("box-2");
        f.putAllotment(other.id(), f.slot(2).id(), 1);

        JsonNode a =
                f.device("GET", "/terminal/v1/counter/allotments", box, null).json();
        assertThat(a.get("issuerId").asText()).isEqualTo("area-1");
        assertThat(a.get("allotments")).hasSize(1);
        JsonNode one = a.get("allotments").get(0);
        assertThat(one.get("slotId").asText()).isEqualTo(slot.id());
        assertThat(one.get("quantity").asInt()).isEqualTo(5);
        assertThat(one.get("sold").asInt()).isZero();
        assertThat(one.get("units").get(0).get("priceFen").asLong()).isEqualTo(10000);
        assertThat(one.get("pass").get("kind").asText()).isEqualTo("TIMED_SLOT");
        assertThat(one.get("pass").get("validFrom").asText())
                .isEqualTo(slot.startAt().toString());
        assertThat(f.ts.get("/terminal/v1/counter/allotments", null).status()).isEqualTo(401);
    }

    @Test
    void onlyABoxOfficeSellsOffline() {
        OfflineFixture.Box kiosk = f.enroll("kiosk-1", "KIOSK");
        OfflineFixture.Box gate = f.enroll("gate-1", "GATE");
        TestServer.Answer put = f.putAllotment(kiosk.id(), f.slot(0).id(), 1);
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.json().get("code").asText()).isEqualTo("BOX_OFFICE_ONLY");
        TestServer.Answer kioskSync = f.device("POST", "/terminal/v1/counter/offline-sales", kiosk, "{\"sales\":[]}");
        assertThat(kioskSync.json().get("code").asText()).isEqualTo("BOX_OFFICE_ONLY");
        TestServer.Answer gateGet = f.device("GET", "/terminal/v1/counter/allotments", gate, null);
        assertThat(gateGet.status()).isEqualTo(403);
        assertThat(gateGet.json().get("code").asText()).isEqualTo("NOT_A_SELLER");
        assertThat(f.slot(0).held()).isZero();
    }

    @Test
    void offlineSalesSyncOnceEachAndNeverBeyondTheAllotment() {
        Slot slot = f.slot(0);
        f.putAllotment(box.id(), slot.id(), 3);
        JsonNode first = f.sync(box, f.sale(box, "s1", slot, 1), f.sale(box, "s2", slot, 2));
        assertThat(first.get(0).get("status").asText()).isEqualTo("SYNCED");
        assertThat(first.get(1).get("status").asText()).isEqualTo("SYNCED");
        String booking = first.get(0).get("bookingId").asText();

        // the same sales again (a retry after a lost answer): the same bookings, nothing sold twice
        JsonNode again = f.sync(box, f.sale(box, "s1", slot, 1), f.sale(box, "s2", slot, 2));
        assertThat(again.get(0).get("status").asText()).isEqualTo("ALREADY_SYNCED");
        assertThat(again.get(0).get("bookingId").asText()).isEqualTo(booking);

        // a fourth place is beyond the allotment: refused, typed, nothing changes
        JsonNode beyond = f.sync(box, f.sale(box, "s3", slot, 1));
        assertThat(beyond.get(0).get("status").asText()).isEqualTo("REFUSED");
        assertThat(beyond.get(0).get("code").asText()).isEqualTo("ALLOTMENT_EXHAUSTED");
        Slot after = f.slot(0);
        assertThat(after.sold()).isEqualTo(3);
        assertThat(after.held()).isZero();

        // a confirmed booking of the counter channel, its passes known to the server
        var b = f.ts.server
                .bookings()
                .get(f.ts.server.channels().find("counter").orElseThrow(), booking);
        assertThat(b.status().name()).isEqualTo("CONFIRMED");
        assertThat(b.unitItems().get(0).passId()).isEqualTo(box.signer.passId(1));
        assertThat(f.ts.server.passes().find(box.signer.passId(1)))
                .hasValueSatisfying(p -> assertThat(p.bookingUuid()).isEqualTo(booking));
        assertThat(f.ts.server.inventory().repair().check()).isEmpty();
        // a paid counter sale of this device, like those sold online (reports, cash-up)
        JsonNode sale = f.device("GET", "/terminal/v1/counter/sales/" + OfflineFixture.id("s2"), box, null)
                .json();
        assertThat(sale.get("state").asText()).isEqualTo("PAID");
        assertThat(sale.get("amountFen").asLong()).isEqualTo(20000);

        // another device cannot take over a sale id, nor sell from this device's allotment
        OfflineFixture.Box other = f.enroll("box-2");
        assertThat(f.sync(other, f.sale(other, "s1", slot, 1))
                        .get(0)
                        .get("code")
                        .asText())
                .isEqualTo("ID_TAKEN");
        assertThat(f.sync(other, f.sale(other, "x1", slot, 1))
                        .get(0)
                        .get("code")
                        .asText())
                .isEqualTo("ALLOTMENT_EXHAUSTED");
    }

    @Test
    void badSalesAreRefusedWithATypedResultAndBadBodiesWithA400() {
        Slot slot = f.slot(0);
        f.putAllotment(box.id(), slot.id(), 5);
        String wrongSlotPass = f.sale(box, "s1", slot, 1, f.slot(1));
        String cheque = f.sale(box, "s2", slot, 1).replace("\"CASH\"", "\"CHEQUE\"");
        String unknownSlot = f.sale(box, "s3", slot, 1).replace(slot.id(), "nope");
        String otherPassId = f.sale(box, "s4", slot, 1).replaceFirst("\"passId\":\"[^\"]*\"", "\"passId\":\"zz\"");
        // a pass signed by a key not delegated to this device (another box office's)
        OfflineFixture.Box other = f.enroll("box-2");
        String foreign = f.sale(other, "s5", slot, 1);
        JsonNode r = f.sync(box, wrongSlotPass, cheque, unknownSlot, otherPassId, "{\"saleId\":\"bad id!\"}", foreign);
        assertThat(r.get(0).get("code").asText()).isEqualTo("INVALID_PASS");
        assertThat(r.get(1).get("code").asText()).isEqualTo("INVALID_SALE");
        assertThat(r.get(2).get("code").asText()).isEqualTo("INVALID_SALE");
        assertThat(r.get(3).get("code").asText()).isEqualTo("INVALID_PASS");
        assertThat(r.get(4).get("code").asText()).isEqualTo("INVALID_SALE");
        assertThat(r.get(5).get("code").asText()).isEqualTo("INVALID_PASS");
        assertThat(r.get(5).get("message").asText()).contains("not signed by a key delegated to this device");
        assertThat(f.slot(0).held()).isEqualTo(5);

        TestServer.Answer notJson = f.device("POST", "/terminal/v1/counter/offline-sales", box, "{\"sales\":7}");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("code").asText()).isNotBlank();
        TestServer.Answer noDevice = f.putAllotment("nobody", slot.id(), 1);
        assertThat(noDevice.status()).isEqualTo(404);
        TestServer.Answer negative = f.putAllotment(box.id(), slot.id(), -1);
        assertThat(negative.status()).isEqualTo(400);
        TestServer.Answer unknownField = f.ts.send(
                "PUT",
                "/admin/v1/counter/allotments",
                TestServer.ADMIN,
                "{\"deviceId\":\"" + box.id() + "\",\"slotId\":\"" + slot.id() + "\",\"qty\":1}",
                Map.of());
        assertThat(unknownField.status()).isEqualTo(400);
    }
}
