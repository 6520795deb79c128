package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.peer.PeerNetwork;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The park's uplink fails in the morning: the north and south gates still talk to each other on the LAN, so a
 * visitor who entered at the north gate cannot get a friend in at the south gate with the same ticket; when the
 * uplink returns, the entry is on the server once and the booking is redeemed.
 */
class GatesShareEntriesOnTheLanTest {
    @TempDir
    Path dir;

    private static PeerNetwork joinLan(EmbeddedGate g) {
        PeerNetwork lan = PeerNetwork.builder(g.gate())
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .start();
        g.sync().advertisePeerEndpoint("127.0.0.1:" + lan.port());
        return lan;
    }

    @Test
    void aTicketUsedAtOneGateIsRefusedAtAnotherWhileTheUplinkIsDown() throws Exception {
        try (Park park = Park.open(dir)) {
            ChannelClient ctrip = park.reseller("ctrip");
            OtaBookingFlow.Result booked = park.otaFlow(ctrip).run("park-entry", 1, "CT-LAN");
            park.timeIs(booked.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(5)));
            EmbeddedGate north = park.gate("gate-north");
            EmbeddedGate south = park.gate("gate-south");
            try (PeerNetwork northLan = joinLan(north);
                    PeerNetwork southLan = joinLan(south)) {
                // each gate tells the server where it listens; the other learns it with its config
                assertThat(north.start().success()).isTrue();
                assertThat(south.start().success()).isTrue();
                assertThat(north.syncNow().success()).isTrue();
                Park.eventually(
                        "the gates linked",
                        () -> northLan.linkedPeers()
                                        .contains(south.credentials().deviceId())
                                && southLan.linkedPeers()
                                        .contains(north.credentials().deviceId()));

                assertThat(north.cutNetwork().success()).isFalse();
                assertThat(south.cutNetwork().success()).isFalse();
                String qr = booked.qrCodes.get(0);
                Decision in = north.scan(qr);
                assertThat(in.admitted()).isTrue();
                Park.eventually("the south gate heard of it", () -> southLan.eventsReceived() == 1);
                Decision again = south.scan(qr);
                assertThat(again.admitted()).isFalse();
                assertThat(again.reason()).isEqualTo("ALREADY_ENTERED");

                assertThat(south.restoreNetwork().success()).isTrue(); // south uploads north's entry first
                assertThat(north.restoreNetwork().success()).isTrue();
                assertThat(north.pendingUploads()).isZero();
                assertThat(south.pendingUploads()).isZero();
            }
            JsonNode rows =
                    park.admin("GET", "/admin/v1/entries?limit=100", null).json();
            int admissions = 0;
            for (JsonNode r : rows) {
                if ("ADMIT".equals(r.path("verdict").asText())) {
                    admissions++;
                    assertThat(r.path("deviceId").asText())
                            .isEqualTo(north.credentials().deviceId());
                }
            }
            assertThat(admissions)
                    .as("the entry stored once, as the north gate's")
                    .isEqualTo(1);
            Park.eventually(
                    "booking REDEEMED",
                    () -> ctrip.booking(booked.booking.getUuid()).getStatus() == BookingStatus.REDEEMED);
        }
    }
}
