package io.scenicpass.terminal.lane;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateFixture;
import io.scenicpass.terminal.device.DisplayTone;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.sim.SimulatedLane;
import io.scenicpass.terminal.internal.gate.GateInternals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedLaneTest {
    @TempDir
    Path dir;

    @Test
    void aFaceEnrolledForAPassIsAdmittedThroughTheManifest() {
        GateFixture f = new GateFixture();
        ManualScheduler scheduler = new ManualScheduler(f.clock);
        List<Decision> decisions = new ArrayList<>();
        try (Gate gate = f.gate(dir)) {
            SimulatedLane sim = SimulatedLane.builder("lane-9", gate, scheduler)
                    .clock(f.clock)
                    .zone("main")
                    .listener(new LaneListener() {
                        @Override
                        public void onDecision(ScannedCredential credential, Decision decision) {
                            decisions.add(decision);
                        }
                    })
                    .build();
            sim.start();
            byte[] face = new byte[32];
            for (int i = 0; i < face.length; i++) {
                face[i] = (byte) (i * 13 + 5);
            }
            String subject = sim.faceMatcher().enroll(new BiometricTemplate(BiometricModality.FACE, face));
            String pass = f.issue(f.claims().build()).text();
            ManifestEntry entry = new ManifestEntry(
                    "P-face",
                    pass,
                    Collections.emptyList(),
                    Collections.emptyList(),
                    Collections.singletonList(subject));
            GateInternals.state(gate)
                    .applyManifest(
                            new ManifestDelta(0, 1, Collections.singletonList(entry), Collections.emptyList(), false));

            face[3] ^= 0x01; // a live sample is never bit-identical
            sim.face().submit(new BiometricTemplate(BiometricModality.FACE, face));
            assertThat(decisions).hasSize(1);
            assertThat(decisions.get(0).admitted()).isTrue();
            assertThat(sim.display().last().tone()).isEqualTo(DisplayTone.ADMIT);
            sim.turnstile().walkThrough();
            assertThat(sim.lane().busy()).isFalse();
            sim.close();
        }
    }
}
