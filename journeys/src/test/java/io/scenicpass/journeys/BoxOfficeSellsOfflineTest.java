package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.counter.DelegatedSigner;
import io.scenicpass.terminal.counter.OfflineAllotment;
import io.scenicpass.terminal.counter.OfflineCounter;
import io.scenicpass.terminal.counter.OfflineErrorCode;
import io.scenicpass.terminal.counter.OfflineItem;
import io.scenicpass.terminal.counter.OfflineSale;
import io.scenicpass.terminal.counter.OfflineSaleException;
import io.scenicpass.terminal.counter.OfflineSyncReport;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import io.scenicpass.terminal.sync.SyncException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud goes down on a busy morning: the box office at the north entrance keeps selling park entries from the
 * allotment the operator reserved for it, and no more; the north gate, offline too, admits its passes (signed with the
 * key the server delegated to the box office). When the cloud returns every sale is recorded once and the slot's
 * remaining places are right.
 */
class BoxOfficeSellsOfflineTest {
    @TempDir
    Path dir;

    @Test
    void theBoxOfficeSellsItsAllotmentOfflineTheGateAdmitsAndEverySaleSyncsOnce() throws Exception {
        try (Park park = Park.open(dir)) {
            Slot slot = firstSlot(park);
            int before = remaining(park, slot);

            // the box office enrolls, has its signing key certified, and the operator reserves 3 places for it
            DeviceCredentials box = boxOffice(park, "box-north");
            AtomicBoolean cableCut = new AtomicBoolean();
            OkHttpClient http = new OkHttpClient.Builder()
                    .addInterceptor(chain -> {
                        if (cableCut.get()) {
                            throw new IOException("network unreachable (cable cut)");
                        }
                        return chain.proceed(chain.request());
                    })
                    .build();
            DelegatedSigner signer = DelegatedSigner.open(
                    dir.resolve("box-north-key"), "box-pass".toCharArray(), park.clock, new SecureRandom());
            signer.certify(box, http);
            TestServer.Answer put = park.admin(
                    "PUT",
                    "/admin/v1/counter/allotments",
                    "{\"deviceId\":\"" + box.deviceId() + "\",\"slotId\":\"" + slot.id() + "\",\"quantity\":3}");
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(remaining(park, slot))
                    .as("reserved out of the slot's inventory")
                    .isEqualTo(before - 3);

            park.timeIs(slot.startAt().plus(Duration.ofMinutes(5)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue(); // the key set with the box office's delegated key
            try (OfflineCounter counter = OfflineCounter.builder()
                    .credentials(box)
                    .stateDir(dir.resolve("box-north"))
                    .signer(signer)
                    .clock(park.clock)
                    .httpClient(http)
                    .build()) {
                List<OfflineAllotment> allotments = counter.refreshAllotments();
                assertThat(allotments).hasSize(1);
                assertThat(allotments.get(0).remaining()).isEqualTo(3);

                // the cloud goes down for the box office and the gate
                cableCut.set(true);
                assertThat(north.cutNetwork().success()).isFalse();
                List<OfflineSale> sold = new ArrayList<>();
                sold.add(counter.sell(
                        slot.id(),
                        List.of(OfflineItem.of("park-entry-adult"), OfflineItem.of("park-entry-adult")),
                        "CASH",
                        null));
                sold.add(counter.sell(slot.id(), List.of(OfflineItem.of("park-entry-adult")), "CODE", null));
                assertThatThrownBy(() ->
                                counter.sell(slot.id(), List.of(OfflineItem.of("park-entry-adult")), "CASH", null))
                        .as("the allotment is sold out: never more")
                        .isInstanceOfSatisfying(
                                OfflineSaleException.class,
                                e -> assertThat(e.code()).isEqualTo(OfflineErrorCode.ALLOTMENT_EXHAUSTED));
                assertThat(sold.get(0).amountFen()).isEqualTo(2 * 19000);

                // the offline gate admits every printed pass
                for (OfflineSale s : sold) {
                    for (OfflineSale.Ticket t : s.tickets()) {
                        Decision d = north.scan(t.passText());
                        assertThat(d.admitted())
                                .as("offline admission of %s: %s", t.passId(), d)
                                .isTrue();
                    }
                }
                assertThatThrownBy(counter::sync).isInstanceOf(SyncException.class);
                assertThat(counter.unsyncedCount()).isEqualTo(2);

                // the cloud returns: every sale synced once, the entries uploaded
                cableCut.set(false);
                assertThat(north.restoreNetwork().success()).isTrue();
                OfflineSyncReport report = counter.sync();
                assertThat(report.synced()).isEqualTo(2);
                assertThat(report.refused()).isEmpty();
                assertThat(counter.sync().synced()).as("nothing left to sync").isZero();
                assertThat(north.pendingUploads()).isZero();
            }
            JsonNode listed = park.admin("GET", "/admin/v1/counter/allotments", null)
                    .json()
                    .get("allotments");
            assertThat(listed.get(0).get("sold").asInt()).isEqualTo(3);
            Integer offlineBookings = park.server
                    .server
                    .database()
                    .read(c -> io.scenicpass.server.db.Jdbc.one(
                                    c,
                                    "SELECT COUNT(*) FROM booking WHERE channel_id = 'counter' AND status IN"
                                            + " ('CONFIRMED','REDEEMED')",
                                    rs -> rs.getInt(1))
                            .orElseThrow());
            assertThat(offlineBookings).isEqualTo(2);
            // 3 places sold from the allotment: the slot offers what it did minus those 3, no more, no less
            assertThat(remaining(park, slot)).isEqualTo(before - 3);
            assertThat(park.server.server.inventory().repair().check()).isEmpty();
        }
    }

    /** The first park-entry slot of today (the demo's zone). */
    private static Slot firstSlot(Park park) {
        CatalogueService.ProductView pv = park.server.server.catalogue().product("park-entry", null);
        LocalDate today = LocalDate.ofInstant(park.clock.instant(), ZoneId.of("Asia/Shanghai"));
        List<InventoryService.SlotView> slots = park.server
                .server
                .inventory()
                .availability(pv.product(), pv.defaultOption().option(), today, today, null);
        return slots.get(0).slot();
    }

    /** Places the slot still offers (capacity - held - sold, as the database counts them now). */
    private static int remaining(Park park, Slot slot) {
        return park.server.server.inventory().findSlot(slot.id()).orElseThrow().vacancies();
    }

    /** A BOX_OFFICE enrolled at the north gate with a fresh one-time token. */
    private DeviceCredentials boxOffice(Park park, String name) {
        TestServer.Answer a = park.admin(
                "POST",
                "/admin/v1/enrollment-tokens",
                "{\"gateId\":\"gate-north\",\"label\":\"journey " + name + "\",\"role\":\"BOX_OFFICE\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return new Provisioning(new CredentialStore(dir.resolve(name + ".json")))
                .enroll(a.json().get("enrollmentCode").asText(), name, "SP-BOX");
    }
}
