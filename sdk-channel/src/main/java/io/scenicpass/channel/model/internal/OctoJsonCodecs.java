package io.scenicpass.channel.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Jackson codecs for OCTO's time formats, attached to the model fields by annotation so that any
 * {@code ObjectMapper} (with or without the JSR-310 module) produces exactly the OCTO text:
 * UTC timestamps {@code YYYY-MM-DDTHH:mm:ssZ}, local dates {@code YYYY-MM-DD} and local date-times with
 * their offset {@code YYYY-MM-DDTHH:mm:ss+08:00}. Reading is lenient (fractions and offsets accepted).
 */
public final class OctoJsonCodecs {
    /** UTC seconds, literal Z. */
    public static final DateTimeFormatter UTC_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Local date-time with its offset, seconds precision; a zero offset is written {@code +00:00}. */
    public static final DateTimeFormatter LOCAL_DATE_TIME_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private OctoJsonCodecs() {}

    /**
     * Formats an instant as {@code YYYY-MM-DDTHH:mm:ssZ} (fractions truncated).
     *
     * @param instant the instant
     * @return the OCTO text
     */
    public static String formatInstant(Instant instant) {
        return UTC_TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Formats a date-time as {@code YYYY-MM-DDTHH:mm:ss+hh:mm} (fractions truncated).
     *
     * @param value the date-time
     * @return the OCTO text
     */
    public static String formatOffsetDateTime(OffsetDateTime value) {
        return LOCAL_DATE_TIME_OFFSET.format(value.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String text(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(type, p);
        }
        return p.getText().trim();
    }

    /** Writes an {@link Instant} as {@code YYYY-MM-DDTHH:mm:ssZ}. */
    public static final class UtcTimestampSerializer extends StdScalarSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        /** Creates the serializer. */
        public UtcTimestampSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(formatInstant(value));
        }
    }

    /** Reads an {@link Instant} from an ISO-8601 date-time with {@code Z} or an offset. */
    public static final class UtcTimestampDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        /** Creates the deserializer. */
        public UtcTimestampDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = text(p, ctxt, Instant.class);
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, s, "expected YYYY-MM-DDTHH:mm:ssZ");
            }
        }
    }

    /** Writes a {@link LocalDate} as {@code YYYY-MM-DD}. */
    public static final class LocalDateSerializer extends StdScalarSerializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        /** Creates the serializer. */
        public LocalDateSerializer() {
            super(LocalDate.class);
        }

        @Override
        public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(value));
        }
    }

    /** Reads a {@link LocalDate} from {@code YYYY-MM-DD}. */
    public static final class LocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        /** Creates the deserializer. */
        public LocalDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = text(p, ctxt, LocalDate.class);
            try {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, s, "expected YYYY-MM-DD");
            }
        }
    }

    /** Writes an {@link OffsetDateTime} as {@code YYYY-MM-DDTHH:mm:ss+hh:mm}, keeping its offset. */
    public static final class OffsetDateTimeSerializer extends StdScalarSerializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        /** Creates the serializer. */
        public OffsetDateTimeSerializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(formatOffsetDateTime(value));
        }
    }

    /** Reads an {@link OffsetDateTime}, keeping the offset that was sent (never shifted to UTC). */
    public static final class OffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        /** Creates the deserializer. */
        public OffsetDateTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = text(p, ctxt, OffsetDateTime.class);
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime)
                        ctxt.handleWeirdStringValue(OffsetDateTime.class, s, "expected YYYY-MM-DDTHH:mm:ss+hh:mm");
            }
        }
    }
}
