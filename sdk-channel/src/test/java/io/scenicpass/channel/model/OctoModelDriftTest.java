package io.scenicpass.channel.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our model against OCTO's own OpenAPI document ({@code src/openapi.yaml} of the npm package
 * {@code @octocloud/types}, installed by {@code ./scenicpass test}; skipped, loudly, when absent): every property of
 * each OCTO schema we model exists in our class under the same JSON name with a compatible type, every required
 * property that may be null is written even when null ({@code @JsonInclude(ALWAYS)}), and every property we write as
 * null is one OCTO requires. The differences we keep on purpose are listed in {@link OctoModelGaps}.
 */
class OctoModelDriftTest {
    private static final ObjectMapper MAPPER = OctoJson.mapper();
    private static JsonNode schemas;

    @BeforeAll
    static void readTheOctoDocument() throws IOException {
        Path doc = octoDocument();
        if (!Files.isRegularFile(doc)) {
            System.err.println("WARNING: OctoModelDriftTest SKIPPED: " + doc + " is missing (./scenicpass test installs"
                    + " @octocloud/types); the model is not checked against OCTO on this machine");
        }
        Assumptions.assumeTrue(Files.isRegularFile(doc), "the OCTO OpenAPI document is not installed: " + doc);
        schemas = new YAMLMapper().readTree(doc.toFile()).path("components").path("schemas");
        assertThat(schemas.size()).as("schemas in " + doc).isGreaterThan(50);
    }

    /** Where {@code ./scenicpass test} installs the OCTO package (same rule as the server's OctoSchemas). */
    static Path octoDocument() {
        String dir = System.getenv("SCENICPASS_OCTO_SCHEMAS");
        Path install;
        if (dir != null && !dir.isBlank()) {
            install = Path.of(dir);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path cache =
                    xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            install = cache.resolve("scenicpass").resolve("octo-schemas");
        }
        return install.resolve("node_modules/@octocloud/types/src/openapi.yaml");
    }

    @Test
    void everyOctoPropertyIsModelledUnderItsNameWithACompatibleType() {
        List<String> drift = new ArrayList<>();
        OctoModelGaps.SCHEMAS.forEach((type, schema) -> {
            Map<String, BeanPropertyDefinition> ours = properties(type);
            octoProperties(schema).forEach((name, octo) -> {
                String capability =
                        octo.path("x-capability-data").path("capability").asText(null);
                if (capability != null && !OctoModelGaps.CAPABILITIES.contains(capability)) {
                    return; // a capability we do not model (yet): its fields are not ours to carry
                }
                String where = type.getSimpleName() + "." + name + " (OCTO " + schema + ")";
                BeanPropertyDefinition p = ours.get(name);
                if (p == null) {
                    if (!OctoModelGaps.NOT_MODELLED.contains(type.getSimpleName() + "." + name)) {
                        drift.add(where + ": missing in our model");
                    }
                } else if (!compatible(octo, p.getPrimaryType())) {
                    drift.add(where + ": ours is " + p.getPrimaryType() + ", OCTO's " + octo);
                }
            });
        });
        assertThat(drift)
                .as("differences between our model and OCTO's OpenAPI document")
                .isEmpty();
    }

    @Test
    void requiredPropertiesThatMayBeNullAreWrittenAsNullAndOnlyThose() {
        List<String> drift = new ArrayList<>();
        OctoModelGaps.SCHEMAS.forEach((type, schema) -> {
            if (OctoModelGaps.REQUESTS.contains(type)) {
                return; // request bodies are written compact: no nulls at all
            }
            Set<String> required = required(schema);
            Map<String, JsonNode> octo = octoProperties(schema);
            properties(type).forEach((name, p) -> {
                boolean always = p.findInclusion().getValueInclusion() == JsonInclude.Include.ALWAYS;
                boolean nullable = octo.containsKey(name)
                        && octo.get(name).path("nullable").asBoolean(false);
                String where = type.getSimpleName() + "." + name + " (OCTO " + schema + ")";
                if (required.contains(name)
                        && nullable
                        && !always
                        && !p.getPrimaryType().isPrimitive()) {
                    drift.add(where + ": OCTO requires it, null when unknown; ours leaves it out when null");
                }
                if (always && !required.contains(name)) {
                    drift.add(where + ": ours writes null, but OCTO does not require it");
                }
            });
        });
        assertThat(drift).as("required-and-nullable properties").isEmpty();
    }

    @Test
    void theDriftCheckSeesAMissingPropertyAndAWrongType() {
        // the check itself can fail: a schema with a property we do not have, and one whose type differs
        JsonNode octo = schemas.path("Booking").path("properties");
        assertThat(compatible(octo.path("uuid"), MAPPER.constructType(Integer.class)))
                .isFalse();
        assertThat(compatible(octo.path("utcCreatedAt"), MAPPER.constructType(Instant.class)))
                .isTrue();
        assertThat(compatible(octo.path("unitItems"), MAPPER.constructType(UnitItem.class)))
                .isFalse();
        assertThat(properties(UnitQuantity.class)).doesNotContainKey("unitItems");
    }

    /** Our JSON properties of a model class, as the OCTO mapper sees them. */
    private static Map<String, BeanPropertyDefinition> properties(Class<?> type) {
        BeanDescription d = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
        Map<String, BeanPropertyDefinition> out = new LinkedHashMap<>();
        d.findProperties().forEach(p -> out.put(p.getName(), p));
        return out;
    }

    /** The properties of an OCTO schema, following {@code allOf}. */
    private static Map<String, JsonNode> octoProperties(String schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode s = schemas.path(schema);
        assertThat(s.isMissingNode()).as("OCTO schema " + schema).isFalse();
        s.path("allOf").forEach(part -> out.putAll(octoProperties(ref(part))));
        s.path("properties").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Set<String> required(String schema) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode s = schemas.path(schema);
        s.path("allOf").forEach(part -> out.addAll(required(ref(part))));
        s.path("required").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String ref(JsonNode n) {
        String r = n.path("$ref").asText("");
        return r.substring(r.lastIndexOf('/') + 1);
    }

    /** Whether our Java type can carry the OCTO property's values. */
    private static boolean compatible(JsonNode octo, JavaType ours) {
        if (octo.has("allOf") && octo.path("allOf").size() == 1) {
            octo = octo.path("allOf").get(0);
        }
        if (octo.has("$ref")) {
            JsonNode target = schemas.path(ref(octo));
            if (target.has("enum")) {
                return ours.isEnumType() || ours.hasRawClass(String.class);
            }
            Set<Class<?>> mapped = OctoModelGaps.modelsOf(ref(octo));
            return mapped.isEmpty() ? !ours.isPrimitive() : mapped.contains(ours.getRawClass());
        }
        Class<?> raw = ours.getRawClass();
        switch (octo.path("type").asText("")) {
            case "string":
                String format = octo.path("format").asText("");
                if (format.equals("date-time")) {
                    return raw == Instant.class || raw == OffsetDateTime.class;
                }
                if (format.equals("date")) {
                    return raw == LocalDate.class;
                }
                // a plain string may be a date or time written as text (OCTO gives no format for local ones)
                return raw == String.class
                        || ours.isEnumType()
                        || raw == LocalDate.class
                        || raw == OffsetDateTime.class
                        || raw == Instant.class;
            case "integer":
            case "number":
                return raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class;
            case "boolean":
                return raw == Boolean.class || raw == boolean.class;
            case "array":
                return ours.isCollectionLikeType() && compatible(octo.path("items"), ours.getContentType());
            case "object":
                return !ours.isPrimitive() && raw != String.class;
            default:
                return true; // oneOf / anything: not checked
        }
    }
}
