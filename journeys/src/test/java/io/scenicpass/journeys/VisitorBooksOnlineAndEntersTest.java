package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.terminal.Decision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family of two books tomorrow's park entry through an OTA (Ctrip), arrives in their slot and walks in at the north
 * gate with the QR codes on their phones; a ticket shown twice is refused; the OTA sees the booking redeemed.
 */
class VisitorBooksOnlineAndEntersTest {
    @TempDir
    Path dir;

    @Test
    void bookThroughAnOtaThenWalkInAtTheGate() throws Exception {
        try (Park park = Park.open(dir)) {
            ChannelClient ctrip = park.reseller("ctrip");
            OtaBookingFlow.Result order = new OtaBookingFlow(
                            ctrip,
                            park.clock,
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run("park-entry", 2, "CT-1001");
            assertThat(order.booking.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(order.qrCodes).hasSize(2);

            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).as("the gate's first sync").isTrue();

            Decision first = north.scan(order.qrCodes.get(0));
            assertThat(first.admitted()).as("first visitor: %s", first).isTrue();
            Decision shownAgain = north.scan(order.qrCodes.get(0));
            assertThat(shownAgain.admitted()).isFalse();
            assertThat(shownAgain.reason()).isEqualTo("ALREADY_ENTERED");
            Decision second = north.scan(order.qrCodes.get(1));
            assertThat(second.admitted()).as("second visitor: %s", second).isTrue();

            assertThat(north.syncNow().success()).isTrue();
            assertThat(north.pendingUploads()).isZero();
            String uuid = order.booking.getUuid();
            Park.eventually(
                    "the OTA sees the booking REDEEMED",
                    () -> ctrip.booking(uuid).getStatus() == BookingStatus.REDEEMED);
        }
    }
}
