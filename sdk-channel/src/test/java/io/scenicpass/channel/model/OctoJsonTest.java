package io.scenicpass.channel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OctoJsonTest {

    static Booking sampleBooking() {
        return new Booking()
                .id("b-1")
                .uuid("5b1c9e5e-1b8e-4d0c-9a52-1f0f1f6d2b11")
                .testMode(false)
                .status(BookingStatus.CONFIRMED)
                .utcCreatedAt(Instant.parse("2026-11-24T10:15:30.123Z"))
                .utcConfirmedAt(Instant.parse("2026-11-24T10:16:00Z"))
                .productId("p1")
                .optionId("DEFAULT")
                .cancellable(true)
                .availabilityId("2026-11-25T08:00:00+08:00")
                .availability(new Availability()
                        .id("2026-11-25T08:00:00+08:00")
                        .localDateTimeStart(OffsetDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneOffset.ofHours(8)))
                        .localDateTimeEnd(OffsetDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneOffset.ofHours(8)))
                        .status(AvailabilityStatus.AVAILABLE)
                        .available(true)
                        .vacancies(10)
                        .capacity(100))
                .contact(new Contact().fullName("Li Lei").emailAddress("li@example.com"))
                .unitItems(List.of(new UnitItem()
                        .uuid("u1")
                        .unitId("adult")
                        .status(BookingStatus.CONFIRMED)
                        .ticket(new Ticket()
                                .redemptionMethod(RedemptionMethod.DIGITAL)
                                .deliveryOptions(List.of(new DeliveryOption()
                                        .deliveryFormat(DeliveryFormat.QRCODE)
                                        .deliveryValue("SP1:abc"))))))
                .pricing(new Pricing()
                        .original(20000)
                        .retail(18000)
                        .net(15000)
                        .currency("CNY")
                        .currencyPrecision(2));
    }

    @Test
    void writesOctoTimeFormatsExactly() throws Exception {
        JsonNode n = OctoJson.mapper().readTree(OctoJson.write(sampleBooking()));
        assertThat(n.get("utcCreatedAt").asText()).isEqualTo("2026-11-24T10:15:30Z");
        assertThat(n.get("utcConfirmedAt").asText()).isEqualTo("2026-11-24T10:16:00Z");
        assertThat(n.get("availability").get("localDateTimeStart").asText()).isEqualTo("2026-11-25T08:00:00+08:00");
        assertThat(n.has("utcExpiresAt"))
                .as("OCTO's required-but-nullable fields are written")
                .isTrue();
        assertThat(n.get("utcExpiresAt").isNull()).isTrue();
        assertThat(n.has("pricing")).isTrue();
        assertThat(n.get("unitItems").get(0).has("pricing"))
                .as("optional fields stay omitted when null")
                .isFalse();
        assertThat(n.get("unitItems")
                        .get(0)
                        .get("ticket")
                        .get("deliveryOptions")
                        .get(0)
                        .get("deliveryFormat")
                        .asText())
                .isEqualTo("QRCODE");
        AvailabilityRequest r =
                new AvailabilityRequest().productId("p").optionId("o").localDate(LocalDate.of(2026, 3, 9));
        assertThat(OctoJson.write(r))
                .isEqualTo("{\"productId\":\"p\",\"optionId\":\"o\",\"localDate\":\"2026-03-09\"}");
        assertThat(OctoJson.write(new Option().id("DEFAULT").defaultOption(true)))
                .contains("\"default\":true");
    }

    @Test
    void roundTripsAndKeepsOffsets() {
        Booking b = sampleBooking();
        Booking back = OctoJson.read(OctoJson.write(b), Booking.class);
        assertThat(back.getUtcCreatedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));
        assertThat(back.getAvailability().getLocalDateTimeStart().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(OctoJson.write(back)).isEqualTo(OctoJson.write(b));
        assertThat(back.getUnitItems().get(0).getTicket().deliveryValue(DeliveryFormat.QRCODE))
                .isEqualTo("SP1:abc");
    }

    @Test
    void sameJsonFromAPlainObjectMapper() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        assertThat(plain.readTree(plain.writeValueAsString(sampleBooking())))
                .isEqualTo(OctoJson.mapper().readTree(OctoJson.write(sampleBooking())));
    }

    @Test
    void toleratesNewerServers() {
        Booking b = OctoJson.read(
                "{\"uuid\":\"x\",\"status\":\"SOMETHING_NEW\",\"brandNewField\":{\"a\":1},"
                        + "\"utcCreatedAt\":\"2026-11-24T10:15:30.5+08:00\"}",
                Booking.class);
        assertThat(b.getStatus()).isEqualTo(BookingStatus.UNKNOWN);
        assertThat(b.getUtcCreatedAt()).isEqualTo(Instant.parse("2026-11-24T02:15:30.5Z"));
        OctoError e = OctoJson.read("{\"error\":\"NEW_CODE\",\"errorMessage\":\"m\"}", OctoError.class);
        assertThat(e.getError()).isEqualTo(OctoErrorCode.UNKNOWN);
    }

    @Test
    void rejectsBadTimestamps() {
        assertThatThrownBy(() -> OctoJson.read("{\"utcCreatedAt\":\"yesterday\"}", Booking.class))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void identityExtensionTravelsOnUnitItemsAndIsRedactedInToString() {
        UnitItemRequest item = new UnitItemRequest()
                .unitId("park-entry-senior")
                .identity(new Identity()
                        .type("CN_ID")
                        .number("330106195503121024")
                        .name("王秀英"));
        String json = OctoJson.write(item);
        assertThat(json)
                .isEqualTo("{\"unitId\":\"park-entry-senior\",\"identity\":{\"type\":\"CN_ID\","
                        + "\"number\":\"330106195503121024\",\"name\":\"王秀英\"}}");
        assertThat(OctoJson.read(json, UnitItemRequest.class)).isEqualTo(item);
        assertThat(item.toString()).contains("CN_ID").doesNotContain("330106").doesNotContain("王秀英");
    }

    @Test
    void contactIsRedactedInToString() {
        assertThat(sampleBooking().toString())
                .doesNotContain("Li Lei")
                .doesNotContain("li@example.com")
                .contains("<redacted>");
    }

    @Test
    void errorOffendingIdAndEquality() {
        OctoError e = new OctoError().error(OctoErrorCode.INVALID_UNIT_ID).unitId("kid");
        assertThat(e.offendingId()).isEqualTo("kid");
        assertThat(sampleBooking()).isEqualTo(sampleBooking()).hasSameHashCodeAs(sampleBooking());
    }

    @Test
    void theIdentityExtensionOfAnAnswerIsTypedAndMaskedInToString() {
        Booking b = OctoJson.read(
                "{\"uuid\":\"b\",\"unitItems\":[{\"unitId\":\"adult\",\"identity\":{\"type\":\"CN_ID\","
                        + "\"number\":\"3301**********1234\",\"name\":\"张*\"}},{\"unitId\":\"child\"}]}",
                Booking.class);
        Identity shown = b.getUnitItems().get(0).getIdentity();
        assertThat(shown.getType()).isEqualTo("CN_ID");
        assertThat(shown.getNumber()).isEqualTo("3301**********1234");
        assertThat(b.getUnitItems().get(1).getIdentity()).isNull();
        assertThat(b.toString()).contains("CN_ID").doesNotContain("1234").doesNotContain("张");
        // written back as it came, last on its unit item, and left out when absent
        assertThat(OctoJson.write(b.getUnitItems().get(0)))
                .endsWith("\"identity\":{\"type\":\"CN_ID\",\"number\":\"3301**********1234\",\"name\":\"张*\"}}");
        assertThat(OctoJson.write(b.getUnitItems().get(1))).doesNotContain("identity");
    }

    @Test
    void listsNeverReadAsNullAndAreLeftOutUntilSet() {
        Booking b = new Booking();
        assertThat(b.getUnitItems()).isEmpty();
        assertThat(OctoJson.write(b)).doesNotContain("unitItems");
        assertThat(OctoJson.write(b.unitItems(List.of()))).contains("\"unitItems\":[]");
        assertThatThrownBy(() -> b.getUnitItems().add(new UnitItem()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
