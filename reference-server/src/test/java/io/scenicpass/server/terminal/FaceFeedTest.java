package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.FaceSeal;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.terminal.TerminalHarness.MemoryState;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Face templates through the real server and the real sync client: enrolment (admin API, entry events), storage
 * sealed under the identity key, distribution sealed per device to the gates of the pass's zones only, removal, the
 * score and threshold stored with entry events, and the Clock-driven retention job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaceFeedTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static TerminalHarness th;
    static String key;

    static final byte[] ALICE = "alice-face-vector-0123456789".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir.resolve("server"));
        key = TerminalFixtures.setUp(ts);
        ts.server.admin().putZone(new SiteStore.Zone("lake", "Lake"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-lake", "Lake gate", "lake", "IN"));
        th = new TerminalHarness(ts);
    }

    @AfterAll
    static void stop() {
        th.close();
        ts.close();
    }

    static MemoryState pull(DeviceCredentials creds) {
        th.feeds.refreshManifest();
        MemoryState state = new MemoryState();
        try (SyncClient sync = SyncClient.builder(creds)
                .state(state)
                .outbox(new TerminalFixtures.ListOutbox())
                .push(false)
                .build()) {
            assertThat(sync.syncNow().success()).isTrue();
        }
        return state;
    }

    static TestServer.Answer enrol(String passId, String json) {
        return th.send("PUT", "/admin/v1/identity/faces/" + passId, "Bearer " + TestServer.ADMIN, json);
    }

    /** One text column of one row, if any. */
    static java.util.Optional<String> text(String sql, String passId) {
        return ts.server.database().read(x -> Jdbc.<String>one(x, sql, rs -> rs.getString(1), passId));
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    @Order(1)
    void templatesReachOnlyTheGatesOfThePassesSiteSealedForEachDevice(@TempDir Path a, @TempDir Path b, @TempDir Path c)
            throws Exception {
        String passId = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "face-site"));
        TestServer.Answer ok = enrol(
                passId,
                "{\"template\":\"" + b64(ALICE) + "\",\"photo\":\"" + b64(new byte[] {1, 2})
                        + "\",\"source\":\"KIOSK\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("source").asText()).isEqualTo("KIOSK");
        assertThat(ok.json().get("photoKept").asBoolean()).isFalse(); // the operator keeps no photos by default
        assertThat(ok.body()).doesNotContain(b64(ALICE));
        String stored = text("SELECT template_enc FROM face_template WHERE pass_id=?", passId)
                .orElseThrow();
        assertThat(stored).doesNotContain(b64(ALICE)).doesNotContain("alice");
        assertThat(text(
                        "SELECT CAST(COUNT(*) AS VARCHAR(5)) FROM face_template WHERE pass_id=? AND photo_enc IS NOT NULL",
                        passId))
                .contains("0");

        DeviceCredentials park1 = th.enroll(a, "gate-a");
        DeviceCredentials park2 = th.enroll(b, "gate-b");
        DeviceCredentials lake = th.enroll(c, "gate-lake");
        String subject = "face-" + passId;
        ManifestEntry at1 = pull(park1).manifest.get(passId);
        ManifestEntry at2 = pull(park2).manifest.get(passId);
        ManifestEntry atLake = pull(lake).manifest.get(passId);

        assertThat(at1.biometricSubjects()).contains(subject);
        assertThat(FaceSeal.ofDeviceToken(park1.deviceToken())
                        .open(at1.faceTemplates().get(subject), subject))
                .isEqualTo(ALICE);
        assertThat(FaceSeal.ofDeviceToken(park2.deviceToken())
                        .open(at2.faceTemplates().get(subject), subject))
                .isEqualTo(ALICE);
        // sealed per device: gate-b's copy does not open with gate-a's key
        assertThatThrownBy(() -> FaceSeal.ofDeviceToken(park1.deviceToken())
                        .open(at2.faceTemplates().get(subject), subject))
                .isInstanceOf(ScenicPassException.class);
        // the lake gate serves another zone than the pass's: it never receives the face
        assertThat(atLake).isNotNull();
        assertThat(atLake.faceTemplates()).isEmpty();
        assertThat(atLake.biometricSubjects()).doesNotContain(subject);

        // removed: the gates' next pull carries the pass without its face
        assertThat(th.send("DELETE", "/admin/v1/identity/faces/" + passId, "Bearer " + TestServer.ADMIN, null)
                        .status())
                .isEqualTo(204);
        assertThat(pull(park1).manifest.get(passId).faceTemplates()).isEmpty();
        assertThat(enrol(passId, "{\"template\":\"not base64!\"}").body()).contains("base64");
        assertThat(enrol(passId, "{\"template\":\"not base64!\"}").status()).isEqualTo(400);
        assertThat(enrol("NOPE", "{\"template\":\"" + b64(ALICE) + "\"}").status())
                .isEqualTo(404);
        assertThat(enrol(passId, "{\"template\":\"" + b64(ALICE) + "\",\"source\":\"MOON\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void aFaceCapturedAtAFirstEntryIsEnrolledAndTheScoreAndThresholdAreStored(@TempDir Path a, @TempDir Path b) {
        String passId = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "face-capture"));
        String other = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "face-capture-forged"));
        DeviceCredentials gate = th.enroll(a, "gate-a");
        DeviceCredentials elsewhere = th.enroll(b, "gate-b");
        Instant at = ts.clock.instant();
        EntryEvent first = TerminalFixtures.admit(passId, gate.deviceId(), "gate-a", at);
        first = first.toBuilder()
                .faceEnrolment(FaceSeal.ofDeviceToken(gate.deviceToken()).seal(ALICE, first.eventId()))
                .build();
        EntryEvent byFace = TerminalFixtures.admit(other, gate.deviceId(), "gate-a", at).toBuilder()
                .credentialType(io.scenicpass.core.CredentialType.FACE)
                .faceMatch(0.93, 0.9)
                .build();
        // a face sealed with another device's key is not taken for this device's capture
        EntryEvent forged = byFace.toBuilder()
                .eventId(java.util.UUID.randomUUID().toString())
                .faceMatch(null, null)
                .build();
        forged = forged.toBuilder()
                .faceEnrolment(FaceSeal.ofDeviceToken(elsewhere.deviceToken()).seal(ALICE, forged.eventId()))
                .build();
        // an online claim stores the admission first, without the face the lane captured after it
        EntryEvent claimed = first.toBuilder().faceEnrolment(null).build();
        assertThat(th.send(
                                "POST",
                                "/terminal/v1/entries",
                                "Device " + gate.deviceToken(),
                                json(new EntryBatch(gate.deviceId(), List.of(claimed))))
                        .status())
                .isEqualTo(200);
        TestServer.Answer up = th.send(
                "POST",
                "/terminal/v1/entries",
                "Device " + gate.deviceToken(),
                json(new EntryBatch(gate.deviceId(), List.of(first, byFace, forged))));
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().get("results").get(0).get("status").asText()).isEqualTo("DUPLICATE");

        JsonNode enrolled = th.admin("GET", "/admin/v1/identity/faces/" + passId, null);
        assertThat(enrolled.get("source").asText()).isEqualTo("GATE");
        assertThat(th.send("GET", "/admin/v1/identity/faces/" + other, "Bearer " + TestServer.ADMIN, null)
                        .status())
                .isEqualTo(404);
        JsonNode rows = th.admin("GET", "/admin/v1/entries?passId=" + other, null);
        JsonNode scored = null;
        for (JsonNode r : rows) {
            if (r.get("eventId").asText().equals(byFace.eventId())) {
                scored = r;
            }
        }
        assertThat(scored).isNotNull();
        assertThat(scored.get("matchScore").asDouble()).isEqualTo(0.93);
        assertThat(scored.get("matchThreshold").asDouble()).isEqualTo(0.9);
        String subject = "face-" + passId;
        ManifestEntry e = pull(gate).manifest.get(passId);
        assertThat(FaceSeal.ofDeviceToken(gate.deviceToken())
                        .open(e.faceTemplates().get(subject), subject))
                .isEqualTo(ALICE);
    }

    @Test
    @Order(3)
    void photosAreKeptOnlyWhenTheOperatorSaysSoAndRetentionDeletesAfterThePassEndedPlusThePeriod() {
        String passId = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "face-retention"));
        assertThat(th.send(
                                "PUT",
                                "/admin/v1/identity/face-settings",
                                "Bearer " + TestServer.ADMIN,
                                "{\"retentionDays\":7,\"keepPhotos\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(th.send(
                                "PUT",
                                "/admin/v1/identity/face-settings",
                                "Bearer " + TestServer.ADMIN,
                                "{\"retentionDays\":-1}")
                        .status())
                .isEqualTo(400);
        JsonNode e = enrol(passId, "{\"template\":\"" + b64(ALICE) + "\",\"photo\":\"" + b64(new byte[] {9}) + "\"}")
                .json();
        assertThat(e.get("photoKept").asBoolean()).isTrue();
        Instant deleteAfter = Instant.parse(e.get("deleteAfter").asText());
        // the pass ends when the server's pass record says (its validity plus the gates' late tolerance)
        Instant passEnd = Instant.ofEpochMilli(
                Long.parseLong(text("SELECT CAST(valid_until AS VARCHAR(20)) FROM pass WHERE pass_id=?", passId)
                        .orElseThrow()));
        assertThat(deleteAfter).isEqualTo(passEnd.plus(Duration.ofDays(7)));

        ts.clock.set(deleteAfter.minusSeconds(60));
        assertThat(ts.server.faces().purge()).isZero();
        assertThat(ts.server.faces().view(passId)).isPresent();
        ts.clock.set(deleteAfter.plusSeconds(60));
        assertThat(ts.server.faces().purge()).isPositive(); // this pass's and the earlier tests' (same day)
        assertThat(ts.server.faces().view(passId)).isEmpty();
        assertThat(text("SELECT CAST(COUNT(*) AS VARCHAR(5)) FROM face_template WHERE pass_id=?", passId))
                .contains("0");
    }

    static String json(Object o) {
        try {
            return WireJson.mapper().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
