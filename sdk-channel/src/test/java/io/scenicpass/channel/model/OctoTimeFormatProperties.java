package io.scenicpass.channel.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class OctoTimeFormatProperties {
    @Property(tries = 500)
    void utcTimestampsRoundTripAtSecondPrecision(
            @ForAll @LongRange(min = 0L, max = 253402300799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant t = Instant.ofEpochSecond(seconds, nanos);
        String json = OctoJson.write(new Booking().utcCreatedAt(t));
        assertThat(json).matches("\\{\"utcCreatedAt\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\",.*");
        assertThat(OctoJson.read(json, Booking.class).getUtcCreatedAt()).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS));
    }

    @Property(tries = 500)
    void slotTimesKeepTheirOffset(
            @ForAll @LongRange(min = 0L, max = 4102444800L) long seconds,
            @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours) {
        OffsetDateTime start = Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.ofTotalSeconds(quarterHours * 900));
        Availability back =
                OctoJson.read(OctoJson.write(new Availability().localDateTimeStart(start)), Availability.class);
        assertThat(back.getLocalDateTimeStart()).isEqualTo(start);
        assertThat(back.getLocalDateTimeStart().getOffset()).isEqualTo(start.getOffset());
    }

    @Property(tries = 200)
    void localDatesAreIsoDates(@ForAll @IntRange(min = 0, max = 2_900_000) int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        String json = OctoJson.write(new AvailabilityCalendarDay().localDate(d));
        assertThat(json).contains("\"localDate\":\"" + d + "\"");
        assertThat(OctoJson.read(json, AvailabilityCalendarDay.class).getLocalDate())
                .isEqualTo(d);
    }
}
