package io.scenicpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.core.Claims;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    private static final Instant T = Instant.parse("2026-07-01T08:00:00Z");
    private final IssuerKey root = IssuerKey.fromSeed(seed(1));
    private final IssuerKey issuer = IssuerKey.fromSeed(seed(2));
    private final IssuerKey compromised = IssuerKey.fromSeed(seed(3));
    private final IssuerKey stranger = IssuerKey.fromSeed(seed(4));

    @TempDir
    Path dir;

    private Path keySet;
    private Path rootPub;

    static byte[] seed(int n) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) n);
        return s;
    }

    private String keySetJson() {
        return KeySet.of(
                        7,
                        T,
                        List.of(
                                issuer.toPublicEntry(
                                        T.minus(Duration.ofDays(30)), T.plus(Duration.ofDays(300)), KeyStatus.ACTIVE),
                                compromised.toPublicEntry(
                                        T.minus(Duration.ofDays(30)),
                                        T.plus(Duration.ofDays(300)),
                                        KeyStatus.COMPROMISED)))
                .sign(root)
                .toJson();
    }

    @BeforeEach
    void files() throws Exception {
        keySet = dir.resolve("keyset.json");
        rootPub = dir.resolve("root.pub");
        Files.writeString(keySet, keySetJson());
        Files.writeString(rootPub, Base64.getEncoder().encodeToString(root.publicKey()) + "\n");
    }

    private Pass pass(IssuerKey key, String id) {
        return new PassIssuer(key)
                .issue(Claims.builder()
                        .passId(id)
                        .issuerId("area-1")
                        .productId("DAY-ADULT")
                        .kind(PassKind.DAY)
                        .validFrom(T.minus(Duration.ofHours(2)))
                        .validUntil(T.plus(Duration.ofHours(10)))
                        .entriesAllowed(1)
                        .reentry(ReentryPolicy.SINGLE)
                        .issuedAt(T.minus(Duration.ofDays(1)))
                        .build());
    }

    private List<JsonNode> verify(String stdin, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "verify", "--keyset", keySet.toString(), "--root-key", rootPub.toString(), "--at", T.toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.run(stdin, args.toArray(new String[0]));
        assertThat(r.exit).as(r.err).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String l : r.lines()) {
            out.add(CredentialChecker.JSON.readTree(l));
        }
        return out;
    }

    @Test
    void everyLineGetsADecisionWithReasonAndKind() throws Exception {
        String ok = pass(issuer, "P-OK").text();
        String input = String.join(
                        "\n",
                        ok,
                        pass(stranger, "P-STRANGER").text(),
                        pass(compromised, "P-COMPROMISED").text(),
                        "{\"credential\": \"" + ok + "\", \"at\": \"2026-07-02T09:00:00Z\"}",
                        "{\"credential\": \"" + ok + "\", \"at\": \"2026-07-01T05:00:00+08:00\"}",
                        "",
                        "hello world",
                        "{not json",
                        "{\"at\": \"2026-07-01T08:00:00Z\"}",
                        "{\"credential\": \"" + ok + "\", \"at\": \"tomorrow\"}",
                        "SP1!!!!",
                        "  " + ok + "  ")
                + "\n";
        List<JsonNode> out = verify(input);
        assertThat(out).hasSize(11);
        assertThat(out)
                .extracting(n -> n.path("decision").asText() + " "
                        + n.path("reason").asText() + " " + n.path("kind").asText())
                .containsExactly(
                        "ADMIT OK PASS",
                        "DENY UNKNOWN_KEY PASS",
                        "DENY KEY_COMPROMISED PASS",
                        "DENY EXPIRED PASS",
                        "DENY NOT_YET_VALID PASS",
                        "DENY MALFORMED UNKNOWN",
                        "DENY MALFORMED UNKNOWN",
                        "DENY MALFORMED UNKNOWN",
                        "DENY MALFORMED UNKNOWN",
                        "DENY MALFORMED PASS",
                        "ADMIT OK PASS");
        assertThat(out.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(out.get(5).path("line").asInt())
                .as("blank line 6 skipped, numbering kept")
                .isEqualTo(7);
        JsonNode summary = out.get(0).path("pass");
        assertThat(summary.path("passId").asText()).isEqualTo("P-OK");
        assertThat(summary.path("kind").asText()).isEqualTo("DAY");
        assertThat(summary.path("keyStatus").asText()).isEqualTo("ACTIVE");
        assertThat(out.get(3).path("at").asText()).isEqualTo("2026-07-02T09:00:00Z");
        assertThat(out.get(4).path("at").asText()).isEqualTo("2026-06-30T21:00:00Z");
    }

    @Test
    void garbageNeverCrashesTheVerifier() throws Exception {
        Random random = new Random(7);
        StringBuilder in = new StringBuilder();
        String ok = pass(issuer, "P-OK").text();
        int lines = 400;
        for (int i = 0; i < lines; i++) {
            switch (i % 4) {
                case 0:
                    char[] c = ok.toCharArray();
                    c[3 + random.nextInt(c.length - 3)] = (char) (' ' + random.nextInt(90));
                    in.append(new String(c));
                    break;
                case 1:
                    in.append("HC1:").append(randomText(random, 1 + random.nextInt(300)));
                    break;
                case 2:
                    in.append("{\"credential\":").append(random.nextInt()).append('}');
                    break;
                default:
                    in.append(randomText(random, 1 + random.nextInt(100)));
            }
            in.append('\n');
        }
        List<JsonNode> out = verify(in.toString());
        assertThat(out).hasSize(lines);
        for (JsonNode n : out) {
            assertThat(n.path("decision").asText()).isIn("ADMIT", "DENY");
            assertThat(n.path("reason").asText()).isNotEmpty();
            assertThat(n.path("kind").asText()).isIn("PASS", "HEALTH_CERT", "UNKNOWN");
        }
    }

    private static String randomText(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            char ch = (char) (0x21 + r.nextInt(0x5d));
            sb.append(ch);
        }
        return sb.toString();
    }

    @Test
    void withoutKeySetPassesAreUnknownKey() {
        CliRun r = CliRun.run(pass(issuer, "P").text() + "\n", "verify");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("\"decision\":\"DENY\"").contains("\"reason\":\"UNKNOWN_KEY\"");
    }

    @Test
    void unusableOptionsAreAClearUsageError() throws Exception {
        CliRun noRoot = CliRun.run("", "verify", "--keyset", keySet.toString());
        assertThat(noRoot.exit).isEqualTo(2);
        assertThat(noRoot.err).contains("--root-key");

        Path otherRoot = dir.resolve("other.pub");
        Files.writeString(otherRoot, Base64.getEncoder().encodeToString(stranger.publicKey()));
        CliRun wrongRoot = CliRun.run("", "verify", "--keyset", keySet.toString(), "--root-key", otherRoot.toString());
        assertThat(wrongRoot.exit).isEqualTo(2);
        assertThat(wrongRoot.err).contains("BAD_KEY_SET");

        CliRun missing = CliRun.run(
                "", "verify", "--keyset", dir.resolve("nope.json").toString(), "--root-key", rootPub.toString());
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.err).contains("nope.json");

        CliRun badAt = CliRun.run("", "verify", "--at", "noon");
        assertThat(badAt.exit).isEqualTo(2);
        assertThat(badAt.err).contains("ISO-8601");
    }

    @Test
    void keySetFetchedFromAServer() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/terminal/v1/keyset", ex -> {
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = keySetJson().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort();
            CliRun r = CliRun.run(
                    pass(issuer, "P-NET").text() + "\n",
                    "verify",
                    "--server",
                    url,
                    "--root-key",
                    rootPub.toString(),
                    "--device-token",
                    "tok-9",
                    "--at",
                    T.toString());
            assertThat(r.exit).as(r.err).isZero();
            assertThat(r.out).contains("\"decision\":\"ADMIT\"");
            assertThat(auth.get()).isEqualTo("Device tok-9");

            Path device = dir.resolve("device.json");
            new io.scenicpass.terminal.sync.CredentialStore(device)
                    .save(new io.scenicpass.terminal.sync.DeviceCredentials(
                            url, "dev-1", "dvt-secret", "area-1", "gate-1", root.publicKey()));
            CliRun enrolled = CliRun.run(
                    pass(issuer, "P-NET").text() + "\n",
                    "verify",
                    "--credentials",
                    device.toString(),
                    "--at",
                    T.toString());
            assertThat(enrolled.exit).as(enrolled.err).isZero();
            assertThat(enrolled.out).contains("\"decision\":\"ADMIT\"");
            assertThat(auth.get()).isEqualTo("Device dvt-secret");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void healthCertificatesAreCheckedAgainstTheTrustList() throws Exception {
        DgcSample s = DgcSample.load("DE", "1");
        org.junit.jupiter.api.Assumptions.assumeTrue(s != null, "testdata/dgc missing");
        Path trust = dir.resolve("dsc.txt");
        Files.writeString(trust, "# DE test signer\n" + s.certificate + "\n");
        String line = "{\"credential\": \"" + s.prefix + "\", \"at\": \"" + s.clock + "\"}\n";
        List<JsonNode> out = verify(line + s.prefix + "\n", "--dcc-trust", trust.toString());
        assertThat(out.get(0).path("decision").asText()).isEqualTo("ADMIT");
        assertThat(out.get(0).path("kind").asText()).isEqualTo("HEALTH_CERT");
        assertThat(out.get(0).path("healthCertificate").path("familyName").asText())
                .isEqualTo(s.familyName);
        assertThat(out.get(0).path("healthCertificate").path("dateOfBirth").asText())
                .isEqualTo(s.dateOfBirth);
        assertThat(out.get(1).path("reason").asText())
                .as("checked at --at 2026: long expired")
                .isEqualTo("EXPIRED");

        CliRun untrusted = CliRun.run(line, "verify");
        assertThat(untrusted.out).contains("\"reason\":\"UNKNOWN_SIGNER\"");
    }
}
