package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration for OCTO JSON, shared by the client and the reference server.
 *
 * <p>Unknown properties are ignored and unknown enum values read as {@code UNKNOWN} (or null), so a newer
 * server never breaks an older client; nulls are not written, except the fields OCTO requires to be present even
 * when unknown (annotated {@code @JsonInclude(ALWAYS)} on the model: written as {@code null}). Time formats are fixed by annotations on the
 * model fields, so they do not depend on this mapper. The mapper is thread-safe; do not reconfigure it.
 */
public final class OctoJson {
    private static final ObjectMapper MAPPER = newMapper();

    private OctoJson() {}

    /** @return the shared, configured mapper (thread-safe; do not reconfigure it) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @return a fresh mapper with the OCTO configuration, for callers that want to customise their own copy */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    /**
     * Serialises a model object to OCTO JSON.
     *
     * @param value the object
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serialises a model object to OCTO JSON without any null field, even those OCTO answers must carry: request
     * bodies stay as small as they always were (and a request's fingerprint as it always was).
     *
     * @param value the object
     * @return the JSON text
     */
    public static String writeCompact(Object value) {
        try {
            return MAPPER.writeValueAsString(withoutNulls(MAPPER.valueToTree(value)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UncheckedIOException(new java.io.IOException("cannot serialise " + value.getClass(), e));
        }
    }

    /** {@code n} with every null-valued object field removed, recursively (arrays keep their null elements). */
    private static JsonNode withoutNulls(JsonNode n) {
        if (n instanceof ObjectNode) {
            ObjectNode o = (ObjectNode) n;
            o.properties().removeIf(e -> e.getValue().isNull());
            o.forEach(OctoJson::withoutNulls);
        } else if (n instanceof ArrayNode) {
            n.forEach(OctoJson::withoutNulls);
        }
        return n;
    }

    /**
     * Parses OCTO JSON into a model class.
     *
     * @param json the JSON text
     * @param type the model class
     * @param <T> the model type
     * @return the parsed object
     * @throws UncheckedIOException when the text is not valid JSON for the type
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
