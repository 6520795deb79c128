package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.PassCodec;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annual pass (年卡) bought through OCTO, activated at the kiosk with a photo of its holder, then the holder comes
 * back with no ticket at all: admitted by face alone the next day, refused a second entry that day, refused by face
 * while the operator has the pass frozen (lent to someone), admitted again once unfrozen.
 */
class AnnualPassHolderEntersByFaceTest {
    static final int HOLDER = 7;
    static final int STRANGER = 8;

    @TempDir
    Path dir;

    @Test
    void annualPassActivatedWithAPhotoAdmitsByFaceAlone() throws Exception {
        try (Park park = Park.open(dir)) {
            String key = park.server.channel("face-ota", 1000, 1000, null);
            PassFixtures.product(park.server, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String sold = PassCodec.decode(
                            PassFixtures.book(park.server, key, "annual-face-1", "annual", PassFixtures.DAY1))
                    .claims()
                    .passId();

            // the kiosk on the first day: the camera's template is captured, then the pass activated with it
            park.timeIs(Instant.parse("2026-06-02T02:00:00Z"));
            String reference = park.admin(
                            "POST",
                            "/admin/v1/identity/face-captures",
                            "{\"template\":\"" + FaceAtTheGate.enrolled(HOLDER) + "\",\"source\":\"KIOSK\"}")
                    .json()
                    .get("reference")
                    .asText();
            var activated = park.admin(
                    "POST",
                    "/admin/v1/annual-passes/" + sold + "/activate",
                    "{\"holder\":{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"张三\"},"
                            + "\"enrolment\":{\"source\":\"KIOSK\",\"reference\":\"" + reference + "\"}}");
            assertThat(activated.status()).as(activated.body()).isEqualTo(200);
            String passId = activated.json().get("passId").asText();

            // the next day at the south gate: no ticket, only a face
            park.timeIs(Instant.parse("2026-06-03T01:30:00Z"));
            park.server.server.syncFeeds().refreshManifest();
            EmbeddedGate gate = park.gate("gate-south");
            assertThat(gate.start().success()).isTrue();
            Decision byFace = gate.showFace(FaceAtTheGate.face(HOLDER));
            assertThat(byFace.reason()).isEqualTo("OK");
            assertThat(byFace.pass().get().passId()).isEqualTo(passId);
            assertThat(byFace.faceScore().get()).isGreaterThanOrEqualTo(EmbeddedGate.FACE_THRESHOLD);
            assertThat(gate.showFace(FaceAtTheGate.face(STRANGER)).reason()).isEqualTo("FACE_NOT_MATCHED");

            // one entry a day
            park.timeIs(Instant.parse("2026-06-03T05:00:00Z"));
            Decision again = gate.showFace(FaceAtTheGate.face(HOLDER));
            assertThat(again.admitted()).isFalse();
            assertThat(again.reason()).isEqualTo("ALREADY_ENTERED_TODAY");

            // lent to a friend: the operator freezes it; the holder's face is no candidate any more
            park.timeIs(Instant.parse("2026-06-04T01:30:00Z"));
            assertThat(park.admin("POST", "/admin/v1/annual-passes/" + sold + "/freeze", "{\"reason\":\"lent\"}")
                            .status())
                    .isEqualTo(200);
            gate.syncNow();
            Decision frozen = gate.showFace(FaceAtTheGate.face(HOLDER));
            assertThat(frozen.admitted()).isFalse();
            assertThat(frozen.reason()).isEqualTo("FACE_NOT_MATCHED");

            // the appeal is heard: unfrozen, admitted by face again
            assertThat(park.admin("POST", "/admin/v1/annual-passes/" + sold + "/unfreeze", "{}")
                            .status())
                    .isEqualTo(200);
            gate.syncNow();
            Decision back = gate.showFace(FaceAtTheGate.face(HOLDER));
            assertThat(back.reason()).isEqualTo("OK");
            assertThat(back.pass().get().passId()).isEqualTo(passId);

            // the server has every face decision with its score and threshold
            gate.syncNow();
            Park.eventually("the face entries uploaded", () -> gate.pendingUploads() == 0);
            var entries = park.admin("GET", "/admin/v1/entries?passId=" + passId, null)
                    .json();
            int scored = 0;
            for (var e : entries) {
                if ("FACE".equals(e.path("credentialType").asText()) && e.hasNonNull("matchScore")) {
                    assertThat(e.get("matchThreshold").asDouble()).isEqualTo(EmbeddedGate.FACE_THRESHOLD);
                    scored++;
                }
            }
            assertThat(scored).isEqualTo(3); // admitted, already entered today, admitted after the unfreeze
        }
    }
}
