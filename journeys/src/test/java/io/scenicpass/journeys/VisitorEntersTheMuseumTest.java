package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.AvailabilityType;
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
 * Issue 16: the museum sells day tickets without a time slot (OCTO {@code OPENING_HOURS}). A visitor buys one for
 * tomorrow through Ctrip, walks in at the museum entrance in the afternoon (any time within the opening hours); the
 * ticket does not open the park's north gate.
 */
class VisitorEntersTheMuseumTest {
    @TempDir
    Path dir;

    @Test
    void aDayTicketEntersAnyTimeWithinTheOpeningHours() throws Exception {
        try (Park park = Park.open(dir)) {
            ChannelClient ctrip = park.reseller("ctrip");
            assertThat(ctrip.product("museum-day").getAvailabilityType()).isEqualTo(AvailabilityType.OPENING_HOURS);
            OtaBookingFlow.Result order = new OtaBookingFlow(
                            ctrip,
                            park.clock,
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run("museum-day", 1, "CT-3001");
            assertThat(order.booking.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(order.slot.isAllDay()).isTrue();

            // 15:30, five and a half hours after opening: a timed ticket would be long over, a day ticket is not
            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(390)));
            EmbeddedGate museum = park.gate("gate-museum");
            assertThat(museum.start().success()).as("the gate's first sync").isTrue();
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            Decision atThePark = north.scan(order.qrCodes.get(0));
            assertThat(atThePark.admitted()).isFalse();
            assertThat(atThePark.reason()).isEqualTo("WRONG_ZONE");
            Decision in = museum.scan(order.qrCodes.get(0));
            assertThat(in.admitted()).as("the museum visitor: %s", in).isTrue();
        }
    }
}
