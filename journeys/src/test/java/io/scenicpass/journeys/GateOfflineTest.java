package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.sync.Connectivity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mountain gate loses its network in the morning rush: it keeps admitting from its local state, and when the
 * network returns every entry reaches the server exactly once and the bookings become redeemed.
 */
class GateOfflineTest {
    @TempDir
    Path dir;

    @Test
    void theGateKeepsAdmittingOfflineAndUploadsEveryEntryOnceWhenBack() throws Exception {
        try (Park park = Park.open(dir)) {
            ChannelClient meituan = park.reseller("meituan");
            OtaBookingFlow flow = park.otaFlow(meituan);
            OtaBookingFlow.Result a = flow.run("park-entry", 2, "MT-1");
            OtaBookingFlow.Result b = flow.run("park-entry", 1, "MT-2");

            park.timeIs(a.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(5)));
            EmbeddedGate south = park.gate("gate-south");
            assertThat(south.start().success()).isTrue();

            assertThat(south.cutNetwork().success()).isFalse();
            assertThat(south.sync().connectivity()).isEqualTo(Connectivity.OFFLINE);
            List<String> decided = new ArrayList<>();
            for (String qr : List.of(a.qrCodes.get(0), a.qrCodes.get(1), b.qrCodes.get(0))) {
                Decision d = south.scan(qr);
                assertThat(d.admitted()).as("offline admission %s", d).isTrue();
                decided.add(d.eventId());
            }
            assertThat(south.pendingUploads()).isEqualTo(3);
            assertThat(meituan.booking(b.booking.getUuid()).getStatus())
                    .as("the server cannot know yet")
                    .isEqualTo(BookingStatus.CONFIRMED);

            assertThat(south.restoreNetwork().success()).isTrue();
            assertThat(south.pendingUploads()).isZero();
            TestServer.Answer entries = park.admin(
                    "GET", "/admin/v1/entries?deviceId=" + south.credentials().deviceId(), null);
            assertThat(entries.status()).isEqualTo(200);
            Map<String, Integer> stored = new HashMap<>();
            for (JsonNode e : entries.json()) {
                stored.merge(e.path("eventId").asText(), 1, Integer::sum);
            }
            assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(decided);
            assertThat(stored.values()).containsOnly(1);
            for (OtaBookingFlow.Result r : List.of(a, b)) {
                Park.eventually(
                        "booking " + r.booking.getUuid() + " REDEEMED",
                        () -> meituan.booking(r.booking.getUuid()).getStatus() == BookingStatus.REDEEMED);
            }
        }
    }
}
