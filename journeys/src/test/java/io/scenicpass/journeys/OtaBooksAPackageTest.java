package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.ChannelException;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.DeliveryOption;
import io.scenicpass.channel.model.OctoErrorCode;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrip sells the park's package (entry, a Lakeside Hotel night, the bus; set up as {@code PackagesDemo} does) in
 * plain OCTO: the family gets our passes
 * and two vouchers; cancelling it the day before is refused (the hotel's 72 h cutoff has passed); the hotel marks its
 * voucher used through the partner API; the family walks in at the north gate. A second package, for later in the
 * month, is cancelled in time: the park's places, the room and the seats go back and its vouchers are void. The
 * settlement then shows what the park owes the hotel and the bus company.
 */
class OtaBooksAPackageTest {
    private static final String PACKAGE = "park-hotel-bus";

    @TempDir
    Path dir;

    @Test
    void anOtaBooksAPackageTheHotelTakesItsVoucherAndTheFamilyEnters() throws Exception {
        try (Park park = Park.open(dir)) {
            // the operator sets up the package: partners, their resources and allotments, the product
            io.scenicpass.server.packages.PackagesDemo.seed(park.server.server, LocalDate.of(2026, 6, 1));
            ChannelClient ctrip = park.reseller("ctrip");
            String hotel = park.admin("POST", "/admin/v1/partners/lakeside-hotel/token", null)
                    .json()
                    .get("token")
                    .asText();

            // tomorrow's package for two: two passes, two vouchers (the room, the bus seats)
            OtaBookingFlow.Result order = park.otaFlow(ctrip).run(PACKAGE, 2, "CT-PKG-1");
            assertThat(order.booking.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(order.qrCodes).hasSize(2);
            List<String> vouchers = order.booking.getVoucher().getDeliveryOptions().stream()
                    .filter(o -> o.getDeliveryFormat() == DeliveryFormat.CODE128)
                    .map(DeliveryOption::getDeliveryValue)
                    .toList();
            assertThat(vouchers).hasSize(2);

            // the day before, the OTA's customer wants out: past the hotel's cutoff, refused whole
            ChannelException late = catchThrowableOfType(
                    ChannelException.class,
                    () -> ctrip.cancel(
                            order.booking.getUuid(), new BookingCancellationRequest().reason("plans changed")));
            assertThat(late.getErrorCode()).isEqualTo(OctoErrorCode.UNPROCESSABLE_ENTITY);
            assertThat(late.getMessage()).contains("cancellation cutoff passed");
            assertThat(ctrip.booking(order.booking.getUuid()).getStatus()).isEqualTo(BookingStatus.CONFIRMED);

            // the family checks in at the hotel: the hotel marks the room's voucher used
            TestServer.Answer check = park.server.get("/partner/v1/vouchers/" + vouchers.get(0), hotel);
            assertThat(check.json().path("state").asText()).isEqualTo("VALID");
            assertThat(check.json().path("resourceId").asText()).isEqualTo("lakeside-double");
            TestServer.Answer used = park.server.post("/partner/v1/vouchers/" + vouchers.get(0) + "/use", hotel, null);
            assertThat(used.status()).as(used.body()).isEqualTo(200);
            assertThat(used.json().path("state").asText()).isEqualTo("USED");

            // a package for later in the month, cancelled in time: everything goes back
            LocalDate later = LocalDate.of(2026, 6, 20);
            Booking second = book(ctrip, later);
            assertThat(hotelDay(park, hotel, later).path("sold").asInt()).isEqualTo(1);
            Booking cancelled = ctrip.cancel(second.getUuid(), new BookingCancellationRequest().reason("ill"));
            assertThat(cancelled.getStatus()).isEqualTo(BookingStatus.CANCELLED);
            assertThat(hotelDay(park, hotel, later).path("sold").asInt()).isZero();
            assertThat(slotOf(ctrip, later).getVacancies()).isEqualTo(200);
            String secondRoom = second.getVoucher().getDeliveryOptions().get(0).getDeliveryValue();
            assertThat(park.server
                            .get("/partner/v1/vouchers/" + secondRoom, hotel)
                            .json()
                            .path("state")
                            .asText())
                    .isEqualTo("VOID");

            // the visit: the family walks in with the passes on their phones
            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).as("the gate's first sync").isTrue();
            for (String qr : order.qrCodes) {
                Decision d = north.scan(qr);
                assertThat(d.admitted()).as("%s", d).isTrue();
            }

            // the settlement: the hotel is owed one room, the bus company two seats (the cancelled package: nothing)
            JsonNode s = park.server
                    .get("/admin/v1/settlement?from=2026-06-01&to=2026-06-02", TestServer.ADMIN)
                    .json();
            Map<String, JsonNode> partners = new java.util.TreeMap<>();
            s.path("partners").forEach(p -> partners.put(p.path("partnerId").asText(), p));
            assertThat(partners).containsOnlyKeys("city-bus", "lakeside-hotel");
            assertThat(partners.get("lakeside-hotel").path("soldParts").asLong())
                    .isEqualTo(2);
            assertThat(partners.get("lakeside-hotel").path("cancelledPlaces").asLong())
                    .isEqualTo(1);
            assertThat(partners.get("lakeside-hotel").path("owedNetFen").asLong())
                    .isEqualTo(38000);
            assertThat(partners.get("city-bus").path("soldPlaces").asLong()).isEqualTo(4);
            assertThat(partners.get("city-bus").path("owedNetFen").asLong()).isEqualTo(2 * 3000);
            assertThat(s.path("lines"))
                    .anyMatch(l -> l.path("channelId").asText().equals("ctrip"));
        }
    }

    /** Books the package for two adults on {@code day}'s first slot. */
    private static Booking book(ChannelClient ctrip, LocalDate day) {
        Availability slot = slotOf(ctrip, day);
        Booking held = ctrip.reserve(new BookingReservationRequest()
                .productId(PACKAGE)
                .optionId(PACKAGE + "-std")
                .availabilityId(slot.getId())
                .unitItems(List.of(
                        new UnitItemRequest().unitId(PACKAGE + "-adult"),
                        new UnitItemRequest().unitId(PACKAGE + "-adult"))));
        return ctrip.confirm(held.getUuid(), new BookingConfirmationRequest().resellerReference("CT-PKG-2"));
    }

    private static Availability slotOf(ChannelClient ctrip, LocalDate day) {
        return ctrip.availability(new AvailabilityRequest()
                        .productId(PACKAGE)
                        .optionId(PACKAGE + "-std")
                        .localDate(day))
                .get(0);
    }

    /** The hotel's double rooms on {@code day}, as the hotel reads them through the partner API. */
    private static JsonNode hotelDay(Park park, String token, LocalDate day) {
        return park.server
                .get("/partner/v1/allotments/lakeside-double?from=" + day, token)
                .json()
                .get(0);
    }
}
