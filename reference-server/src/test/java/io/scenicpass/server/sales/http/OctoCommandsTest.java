package io.scenicpass.server.sales.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.server.channels.ChannelService;
import java.util.List;
import org.junit.jupiter.api.Test;

class OctoCommandsTest {
    /**
     * Reservations stored before OCTO's nulls were written keep their fingerprint: a retry across the upgrade is
     * still the same request (the hash is over the JSON without null fields, as it was written then).
     */
    @Test
    void theFingerprintIgnoresTheNullsTheModelNowWrites() {
        BookingReservationRequest req = new BookingReservationRequest()
                .uuid("r-1")
                .productId("tour")
                .availabilityId("2026-06-02T10:00:00+08:00")
                .unitItems(List.of(new UnitItemRequest().unitId("tour-adult").contact(new Contact().fullName("Wang"))))
                .contact(new Contact().fullName("Li Lei").emailAddress("li@example.com"));
        String before = "{\"uuid\":\"r-1\",\"productId\":\"tour\",\"availabilityId\":\"2026-06-02T10:00:00+08:00\","
                + "\"unitItems\":[{\"unitId\":\"tour-adult\",\"contact\":{\"fullName\":\"Wang\"}}],"
                + "\"contact\":{\"fullName\":\"Li Lei\",\"emailAddress\":\"li@example.com\"}}";
        assertThat(OctoCommands.fingerprint(req)).isEqualTo(ChannelService.sha256Hex(before));
    }

    /** A visitor's document never enters the plain fingerprint (the identity service adds a keyed digest). */
    @Test
    void theFingerprintLeavesDocumentsOutAndTheRequestUntouched() {
        io.scenicpass.channel.model.Identity doc =
                new io.scenicpass.channel.model.Identity().type("CN_ID").number("330106195503121024");
        UnitItemRequest item = new UnitItemRequest().unitId("tour-senior").identity(doc);
        BookingReservationRequest with =
                new BookingReservationRequest().uuid("r-2").unitItems(List.of(item));
        BookingReservationRequest without = new BookingReservationRequest()
                .uuid("r-2")
                .unitItems(List.of(new UnitItemRequest().unitId("tour-senior")));
        assertThat(OctoCommands.fingerprint(with)).isEqualTo(OctoCommands.fingerprint(without));
        assertThat(item.getIdentity()).isSameAs(doc);
    }
}
