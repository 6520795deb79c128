package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a family booked tomorrow's park entry through Ctrip, then their plans change and Ctrip moves the confirmed
 * booking to the day after ({@code PATCH /octo/bookings/{uuid}}). On the original day the old QR codes are refused at
 * the north gate as revoked; on the new day the reissued ones walk in.
 */
class OtaMovesABookingToAnotherDayTest {
    @TempDir
    Path dir;

    @Test
    void aMovedBookingsOldTicketsAreRefusedAndItsNewOnesAdmitted() throws Exception {
        try (Park park = Park.open(dir)) {
            ChannelClient ctrip = park.reseller("ctrip");
            OtaBookingFlow.Result order = park.otaFlow(ctrip).run("park-entry", 2, "CT-2001");
            assertThat(order.booking.getStatus()).isEqualTo(BookingStatus.CONFIRMED);

            List<Availability> dayAfter = ctrip.availability(new AvailabilityRequest()
                    .productId("park-entry")
                    .optionId(order.booking.getOptionId())
                    .localDate(order.slot.getLocalDateTimeStart().toLocalDate().plusDays(1)));
            Availability target = dayAfter.stream()
                    .filter(Availability::isAvailable)
                    .findFirst()
                    .orElseThrow();
            Booking moved =
                    ctrip.update(order.booking.getUuid(), new BookingUpdateRequest().availabilityId(target.getId()));
            assertThat(moved.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(moved.getAvailabilityId()).isEqualTo(target.getId());
            List<String> newCodes = OtaBookingFlow.qrCodes(moved);
            assertThat(newCodes).hasSize(2).doesNotContainAnyElementsOf(order.qrCodes);

            // the original day: the old tickets were revoked with the move
            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).as("the gate's first sync").isTrue();
            Decision old = north.scan(order.qrCodes.get(0));
            assertThat(old.admitted()).isFalse();
            assertThat(old.reason()).isEqualTo("REVOKED");

            // the new day: the reissued tickets walk in
            park.timeIs(target.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            assertThat(north.syncNow().success()).isTrue();
            for (String code : newCodes) {
                Decision d = north.scan(code);
                assertThat(d.admitted()).as("new ticket: %s", d).isTrue();
            }
            assertThat(north.scan(order.qrCodes.get(1)).admitted()).isFalse();
        }
    }
}
