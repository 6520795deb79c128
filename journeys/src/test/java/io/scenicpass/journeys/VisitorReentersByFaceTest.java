package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2-day re-entry pass: the first entry by QR, the lane capturing the visitor's face as it admits; out for lunch and
 * back in by face alone, no ticket; again with the gate cut off from the server. The captured face reaches the server
 * (bound to the pass, sealed) with the entry events once the gate is back.
 */
class VisitorReentersByFaceTest {
    static final int VISITOR = 21;

    @TempDir
    Path dir;

    @Test
    void firstEntryByQrCapturesTheFaceAndReEntryNeedsNoTicketOfflineToo() throws Exception {
        try (Park park = Park.open(dir)) {
            String key = park.server.channel("face-ota", 1000, 1000, null);
            PassFixtures.product(park.server, "twoday", "MULTI_DAY", 12000, PassFixtures.TWO_DAY_TERMS);
            String pass = PassFixtures.book(park.server, key, "two-day-face-1", "twoday", PassFixtures.DAY1);
            String passId = io.scenicpass.core.PassCodec.decode(pass).claims().passId();

            park.timeIs(Instant.parse("2026-06-02T01:00:00Z")); // 09:00 on the first day
            EmbeddedGate gate = park.gate("gate-south");
            assertThat(gate.start().success()).isTrue();
            Decision first = gate.scanWithFace(pass, FaceAtTheGate.face(VISITOR));
            assertThat(first.reason()).isEqualTo("OK");
            assertThat(gate.exit(pass).admitted()).isTrue();

            park.timeIs(Instant.parse("2026-06-02T04:00:00Z")); // back from lunch: a face, no ticket
            Decision reentry = gate.showFace(FaceAtTheGate.face(VISITOR));
            assertThat(reentry.reason()).isEqualTo("OK");
            assertThat(reentry.pass().get().passId()).isEqualTo(passId);

            // the cloud is unreachable: out and in again by face all the same
            gate.cutNetwork();
            assertThat(gate.exit(pass).admitted()).isTrue();
            Decision offline = gate.showFace(FaceAtTheGate.face(VISITOR));
            assertThat(offline.reason()).isEqualTo("OK");
            assertThat(offline.pass().get().passId()).isEqualTo(passId);
            assertThat(gate.showFace(FaceAtTheGate.face(VISITOR + 1)).reason()).isEqualTo("FACE_NOT_MATCHED");

            // back online: the events go up, and with the first one the face is enrolled for the pass at the server
            gate.restoreNetwork();
            Park.eventually("entries uploaded", () -> gate.pendingUploads() == 0);
            var face = park.admin("GET", "/admin/v1/identity/faces/" + passId, null);
            assertThat(face.status()).as(face.body()).isEqualTo(200);
            assertThat(face.json().get("source").asText()).isEqualTo("GATE");
        }
    }
}
