package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.DocumentType;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.counter.AnnualPassActivation;
import io.scenicpass.terminal.counter.AnnualPassDesk;
import io.scenicpass.terminal.counter.Holder;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annual pass (年卡) bought through OCTO and never activated comes to a gate: refused NOT_ACTIVATED, the lane's
 * attendant reads the holder's ID card and the lane's camera takes her face; activated through sdk-terminal's
 * {@link AnnualPassDesk} as the gate's device (enrolment GATE), she is admitted with the new pass at once, and the next
 * day by face alone.
 */
class AnnualPassActivatedAtTheGateTest {
    static final int HOLDER = 31;

    @TempDir
    Path dir;

    @Test
    void refusedNotActivatedThenActivatedAtTheLaneAndAdmitted() throws Exception {
        try (Park park = Park.open(dir)) {
            String key = park.server.channel("gate-ota", 1000, 1000, null);
            PassFixtures.product(park.server, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String sold = PassFixtures.book(park.server, key, "gate-annual-1", "annual", PassFixtures.DAY1);

            park.timeIs(Instant.parse("2026-06-02T01:30:00Z"));
            EmbeddedGate gate = park.gate("gate-north");
            assertThat(gate.start().success()).isTrue();
            Decision first = gate.scan(sold);
            assertThat(first.reason()).isEqualTo("NOT_ACTIVATED");
            assertThat(AnnualPassDesk.needsActivation(first)).isTrue();

            // the attendant's reader and the lane's camera; the gate's own device activates it
            AnnualPassDesk desk = AnnualPassDesk.of(gate.credentials(), null, park.clock);
            AnnualPassActivation a = desk.activate(
                    AnnualPassDesk.newRequestId(),
                    sold,
                    Holder.of(DocumentType.CN_ID, "11010519491231002X", "张三", null),
                    FaceAtTheGate.face(HOLDER));
            assertThat(a.enrolment()).isEqualTo("GATE");
            Decision entered = gate.scanWithFace(a.passText(), FaceAtTheGate.face(HOLDER));
            assertThat(entered.reason()).isEqualTo("OK");
            assertThat(entered.pass().get().passId()).isEqualTo(a.passId());

            // the next day at the south gate: her face alone
            park.timeIs(Instant.parse("2026-06-03T01:30:00Z"));
            park.server.server.syncFeeds().refreshManifest();
            EmbeddedGate south = park.gate("gate-south");
            assertThat(south.start().success()).isTrue();
            Decision byFace = south.showFace(FaceAtTheGate.face(HOLDER));
            assertThat(byFace.reason()).isEqualTo("OK");
            assertThat(byFace.pass().get().passId()).isEqualTo(a.passId());
        }
    }
}
