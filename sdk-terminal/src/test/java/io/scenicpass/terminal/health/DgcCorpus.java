package io.scenicpass.terminal.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the EU DCC test corpus ({@code testdata/dgc}) and its list of known-wrong cases. */
final class DgcCorpus {
    static final ObjectMapper JSON = new ObjectMapper();
    /** VALIDATIONCLOCK comes as 2021-06-01T20:00:00+02:00, ...+0200, ...Z, with 0 to 9 fraction digits. */
    private static final DateTimeFormatter CLOCK = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    /** Maps the corpus' own test names (known_issues.csv) to the expectation they exercise. */
    private static final Map<String, String> TEST_NAMES = new HashMap<>();

    static {
        TEST_NAMES.put("test_cose_schema", "EXPECTEDSCHEMAVALIDATION");
        TEST_NAMES.put("test_cose_json", "EXPECTEDVALIDJSON");
        TEST_NAMES.put("test_cbor_json", "EXPECTEDDECODE");
        TEST_NAMES.put("test_verification_check", "EXPECTEDVERIFY");
        TEST_NAMES.put("test_expiration_check", "EXPECTEDEXPIRATIONCHECK");
        TEST_NAMES.put("test_expected_key_usage", "EXPECTEDKEYUSAGE");
    }

    private DgcCorpus() {}

    /** One corpus file. */
    static final class Case {
        final String country;
        final String set;
        final JsonNode node;

        Case(String country, String set, JsonNode node) {
            this.country = country;
            this.set = set;
            this.node = node;
        }

        String id() {
            return country + "/" + set;
        }

        String text(String field) {
            JsonNode n = node.path(field);
            return n.isTextual() ? n.asText() : null;
        }

        byte[] hex(String field) {
            String h = text(field);
            return h == null ? null : unhex(h);
        }

        String certificate() {
            return node.path("TESTCTX").path("CERTIFICATE").asText("");
        }

        Instant clock() {
            return OffsetDateTime.parse(
                            node.path("TESTCTX").path("VALIDATIONCLOCK").asText(), CLOCK)
                    .toInstant();
        }

        Map<String, Boolean> expectations() {
            Map<String, Boolean> out = new java.util.LinkedHashMap<>();
            node.path("EXPECTEDRESULTS")
                    .properties()
                    .forEach(e -> out.put(e.getKey(), e.getValue().asBoolean()));
            return out;
        }

        String description() {
            return node.path("TESTCTX").path("DESCRIPTION").asText("");
        }
    }

    /** @return the dgc folder, or empty when the corpus is not checked out beside the project */
    static Optional<Path> folder() {
        String prop = System.getProperty("scenicpass.testdata");
        Path base;
        if (prop != null && !prop.isEmpty()) {
            base = Paths.get(prop);
        } else {
            base = Paths.get(System.getProperty("scenicpass.root", ".."), "..", "shared", "testdata");
        }
        Path dgc = base.resolve("dgc");
        return Files.isDirectory(dgc) ? Optional.of(dgc) : Optional.empty();
    }

    static List<Case> load(Path dgc) throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dgc)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")
                            && f.getParent().getFileName().toString().equals("raw"))
                    .sorted()
                    .collect(Collectors.toList())) {
                String country = dgc.relativize(p).getName(0).toString();
                String set = p.getFileName().toString().replaceFirst("\\.json$", "");
                out.add(new Case(country, set, JSON.readTree(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    /**
     * @return a reason (the issue link) when known_issues.csv lists this case and expectation as wrong
     */
    static Optional<String> knownIssue(Path dgc, Case c, String expectation) throws IOException {
        Path csv = dgc.resolve("tests").resolve("known_issues.csv");
        if (!Files.exists(csv)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            if (f.length < 4 || f[0].equals("test_name")) {
                continue;
            }
            boolean sameStep = expectation.equals(TEST_NAMES.get(f[0]));
            boolean sameCountry = f[1].equalsIgnoreCase(c.country);
            boolean sameSet = f[2].isEmpty() || f[2].equals(c.set);
            if (sameStep && sameCountry && sameSet) {
                return Optional.of(f[3]);
            }
        }
        return Optional.empty();
    }

    static byte[] unhex(String h) {
        String s = h.trim();
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** Semantic JSON equality: object key order ignored, numbers compared by value (1 == 1.0). */
    static boolean sameJson(JsonNode a, JsonNode b) {
        return a.equals(
                (x, y) -> {
                    if (x.isNumber() && y.isNumber()) {
                        return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
                    }
                    return x.equals(y) ? 0 : 1;
                },
                b);
    }
}
