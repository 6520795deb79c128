package io.scenicpass.server.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Claims;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.server.demo.DemoSeeder;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, pass size: one pass per demo product, booked over OCTO from the real server, fits the QR budget
 * (standard adult timed ≤ 170 characters, every demo pass ≤ 178 = version 7-M, real-name passes too: their holder bindings travel in the manifest), and
 * the codes they carry mean at the real gate engine what the ids meant; a pass issued the old way (text ids, 4-byte
 * kid, day validity + slot) still verifies and enters. Writes the measured table to target/pass-sizes.md, which
 * docs/protocol.md §3 quotes.
 */
class PassSizeTest {
    static final int QR_7M = 178;
    static final int QR_8M = 221;
    static final String DAY = "2026-06-02";
    static final Instant IN_SLOT = Instant.parse("2026-06-02T02:10:00Z"); // 10:10 in Asia/Shanghai

    @TempDir
    static Path dir;

    static TestServer ts;
    static String ctrip;
    static final Map<String, Pass> issued = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        ts = new TestServer(
                dir.resolve("server"), null, new MutableClock(TestServer.START), Map.of("flow.demoHistoryDays", "0"));
        ctrip = new DemoSeeder(ts.server).seed().channelKeys().get("ctrip");
        // the demo's child and senior units are sold by real name: each visitor's document at booking
        List<Pass> entry = book(
                "size-entry",
                "park-entry",
                "park-entry-adult",
                "park-entry-child="
                        + IdentityFixture.identity("CN_ID", IdentityFixture.cnId("20150601", "101"), "王小明", null),
                "park-entry-senior="
                        + IdentityFixture.identity("CN_ID", IdentityFixture.cnId("19550312", "102"), "王秀英", null));
        issued.put("adult timed (park-entry)", entry.get(0));
        issued.put("child (park-entry, concession)", entry.get(1));
        issued.put("senior (park-entry, concession)", entry.get(2));
        issued.put(
                "real-name adult (park-realname)",
                book(
                                "size-realname",
                                "park-realname",
                                "park-realname-adult="
                                        + IdentityFixture.identity(
                                                "CN_ID", IdentityFixture.cnId("19880520", "103"), "李四", null))
                        .get(0));
        issued.put(
                "park + cable car (2 zones)",
                book("size-cable", "park-cablecar", "park-cablecar-adult").get(0));
        List<Pass> group = book(
                "size-group",
                "park-group",
                "park-group-adult",
                "park-group-adult",
                "park-group-adult",
                "park-group-adult",
                "park-group-adult");
        assertThat(group).hasSize(1);
        issued.put("group of 5 (one pass)", group.get(0));
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    /** Reserves and confirms over OCTO as ctrip; the passes of the unit items ({@code unitId[=identityJson]}). */
    static List<Pass> book(String uuid, String product, String... units) {
        String body = IdentityFixture.reserve(uuid, product, DAY + "T10:00:00+08:00", units);
        TestServer.Answer r = ts.post("/octo/bookings", ctrip, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        TestServer.Answer c = ts.post("/octo/bookings/" + uuid + "/confirm", ctrip, null);
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        List<Pass> out = new ArrayList<>();
        if (c.json().path("voucher").has("deliveryOptions")) { // a group pass: one voucher for the booking
            out.add(PassCodec.decode(c.json()
                    .get("voucher")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText()));
            return out;
        }
        for (JsonNode item : c.json().get("unitItems")) {
            out.add(PassCodec.decode(item.get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText()));
        }
        return out;
    }

    @Test
    void everyDemoPassFitsItsQrVersion() throws Exception {
        Map<String, Pass> all = new LinkedHashMap<>(issued);
        StringBuilder table = new StringBuilder("| pass | COSE bytes | text chars | QR (M) |\n|---|---:|---:|---|\n");
        for (Map.Entry<String, Pass> e : all.entrySet()) {
            int chars = e.getValue().text().length();
            table.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(e.getValue().encodedLength())
                    .append(" | ")
                    .append(chars)
                    .append(" | ")
                    .append(chars <= 170 ? "7 (≤ 170)" : chars <= QR_7M ? "7" : "8")
                    .append(" |\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pass-sizes.md"), table);
        System.out.print(table);
        assertThat(issued.get("adult timed (park-entry)").text())
                .as(table.toString())
                .hasSizeLessThanOrEqualTo(170);
        for (Map.Entry<String, Pass> e : all.entrySet()) {
            assertThat(e.getValue().text()).as(e.getKey() + "\n" + table).hasSizeLessThanOrEqualTo(QR_7M);
        }
        // a holder binding (16 bytes) would take a pass to QR 8-M: real-name passes are bound through the manifest
        Claims bound = issued.get("senior (park-entry, concession)").claims().toBuilder()
                .holderBinding(new byte[16])
                .build();
        assertThat(new PassIssuer(ts.server.keys().active(), IssuanceService.KID_BYTES)
                        .issue(bound)
                        .text())
                .hasSizeBetween(QR_7M + 1, QR_8M);
    }

    @Test
    void codedPassesMeanAtTheGateWhatTheirIdsMeantAndOldPassesStillEnter() {
        SignedKeySet keys = SignedKeySet.fromJson(
                ts.get("/.well-known/scenicpass/keyset", null).body());
        Pass adult = issued.get("adult timed (park-entry)");
        Pass cable = issued.get("park + cable car (2 zones)");
        assertThat(adult.claims().productId()).startsWith("#");
        Claims named = keys.verify(ts.server.keys().root().publicKey()).codes().resolve(adult.claims());
        // the old way: text ids, the full 4-byte kid, valid all day with the slot inside
        Claims old = named.toBuilder()
                .passId("0J5W2R8ZK3M9Q")
                .validFrom(Instant.parse(DAY + "T00:00:00+08:00"))
                .validUntil(Instant.parse(DAY + "T00:00:00+08:00").plusSeconds(86400))
                .slot(named.validFrom(), named.validUntil())
                .build();
        Pass oldPass = new PassIssuer(ts.server.keys().active()).issue(old);
        assertThat(oldPass.keyId()).hasSize(8);
        assertThat(oldPass.text().length() - adult.text().length())
                .as("what the codes and the rest save")
                .isGreaterThan(40);
        try (Gate park = gate(keys, "park");
                Gate cableway = gate(keys, "cableway")) {
            Decision d = scan(park, adult, "park");
            assertThat(d.admitted()).as("%s", d).isTrue();
            assertThat(d.pass().orElseThrow().productId()).isEqualTo("park-entry");
            Decision oldWay = scan(park, oldPass, "park");
            assertThat(oldWay.admitted()).as("%s", oldWay).isTrue();
            Decision wrongZone = scan(cableway, adult, "cableway");
            assertThat(wrongZone.reason()).as("%s", wrongZone).isEqualTo("WRONG_ZONE");
            Decision both = scan(cableway, cable, "cableway");
            assertThat(both.admitted()).as("%s", both).isTrue();
            assertThat(both.pass().orElseThrow().productId()).isEqualTo("park-cablecar");
            Decision group = scan(park, issued.get("group of 5 (one pass)"), "park");
            assertThat(group.admitted()).as("%s", group).isTrue();
            assertThat(group.partyCount()).isEqualTo(5);
        }
    }

    private static Gate gate(SignedKeySet keys, String zone) {
        return Gate.builder()
                .stateDirectory(dir.resolve("gate-" + zone))
                .rootPublicKey(ts.server.keys().root().publicKey())
                .keySet(keys)
                .deviceId("size-" + zone)
                .gateId("gate-" + zone)
                .defaultZone(zone)
                .clock(new MutableClock(IN_SLOT))
                .correctClock(false)
                .build();
    }

    private static Decision scan(Gate gate, Pass pass, String zone) {
        return gate.decide(Credential.qr(pass.text()), GateContext.entry(zone));
    }
}
