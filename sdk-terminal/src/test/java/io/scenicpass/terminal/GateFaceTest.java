package io.scenicpass.terminal;

import static io.scenicpass.terminal.GateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.FaceSeal;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.Liveness;
import io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher;
import io.scenicpass.terminal.internal.gate.FaceIndex;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Face at the gate: 1:N among valid holders, 1:1 with a pass, liveness, capture at a first entry, per-device seals. */
class GateFaceTest {
    static final double THRESHOLD = 0.9;

    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();
    private final FaceSeal mine = FaceSeal.ofDeviceToken("dvt_this_gate");
    private final FaceSeal other = FaceSeal.ofDeviceToken("dvt_gate_of_another_site");
    private final byte[] alice = face(1);
    private final byte[] bob = face(2);
    private Gate g;

    @BeforeEach
    void gate() {
        g = f.gateBuilder(dir)
                .faceMatcher(new SimulatedBiometricMatcher(BiometricModality.FACE), THRESHOLD, mine)
                .build();
    }

    static byte[] face(int person) {
        byte[] b = new byte[64];
        new Random(person).nextBytes(b);
        return b;
    }

    /** The same person on another day: a few bits differ. */
    static BiometricTemplate live(byte[] face, Liveness liveness) {
        byte[] b = face.clone();
        b[0] ^= 0x03;
        b[9] ^= 0x10;
        return new BiometricTemplate(BiometricModality.FACE, b, liveness);
    }

    static BiometricTemplate live(byte[] face) {
        return live(face, Liveness.passed(0.97));
    }

    private Pass reentryPass() {
        return f.issue(f.claims()
                .kind(PassKind.MULTI_DAY)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.AFTER_EXIT)
                .build());
    }

    private void manifest(long from, long to, ManifestEntry... entries) {
        GateInternals.state(g)
                .applyManifest(new ManifestDelta(from, to, Arrays.asList(entries), Collections.emptyList(), false));
    }

    private static ManifestEntry withFace(Pass p, FaceSeal seal, byte[] template) {
        String subject = FaceIndex.subjectOf(p.claims().passId());
        return new ManifestEntry(
                p.claims().passId(),
                p.text(),
                null,
                null,
                Collections.singletonList(subject),
                Collections.singletonMap(subject, seal.seal(template, subject)));
    }

    private List<EntryEvent> events() {
        return g.pendingEvents(100).stream().map(PendingEvent::event).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void faceAloneAdmitsTheEnrolledHolderOfAValidPassAndRecordsScoreAndThreshold() {
        Pass a = reentryPass();
        Pass b = reentryPass();
        manifest(0, 2, withFace(a, mine, alice), withFace(b, mine, bob));

        Decision d = g.decide(Credential.face(live(alice)), GateContext.entry("main"));

        assertThat(d.reason()).isEqualTo(Reason.OK);
        assertThat(d.pass().get().passId()).isEqualTo(a.claims().passId());
        assertThat(d.faceScore().get()).isBetween(THRESHOLD, 1.0);
        assertThat(d.faceThreshold()).contains(THRESHOLD);
        EntryEvent e = events().get(0);
        assertThat(e.matchScore()).isEqualTo(d.faceScore().get());
        assertThat(e.matchThreshold()).isEqualTo(THRESHOLD);
        assertThat(e.credentialType().name()).isEqualTo("FACE");
        // a stranger matches nobody
        Decision stranger = g.decide(Credential.face(live(face(3))), GateContext.entry("main"));
        assertThat(stranger.reason()).isEqualTo(Reason.FACE_NOT_MATCHED);
        assertThat(stranger.faceThreshold()).contains(THRESHOLD);
    }

    @Test
    void aFailedLivenessIsRefusedAloneAndWithAPass() {
        Pass a = reentryPass();
        manifest(0, 1, withFace(a, mine, alice));

        Decision alone = g.decide(Credential.face(live(alice, Liveness.failed(0.12))), GateContext.entry("main"));
        assertThat(alone.reason()).isEqualTo(Reason.LIVENESS_FAILED);
        assertThat(alone.rule()).contains("face");

        Decision withPass = g.decide(
                Credential.qr(a.text()),
                GateContext.builder()
                        .zoneId("main")
                        .faceSample(live(alice, Liveness.failed(0.2)))
                        .build());
        assertThat(withPass.reason()).isEqualTo(Reason.LIVENESS_FAILED);
        // an unknown verdict (a module without liveness) is not refused
        assertThat(g.decide(Credential.face(live(alice, Liveness.unknown())), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.OK);
    }

    @Test
    void oneToOneRefusesAFaceThatIsNotThePassHolders() {
        Pass a = reentryPass();
        manifest(0, 1, withFace(a, mine, alice));

        Decision lent = g.decide(
                Credential.qr(a.text()),
                GateContext.builder().zoneId("main").faceSample(live(bob)).build());
        assertThat(lent.reason()).isEqualTo(Reason.FACE_MISMATCH);
        assertThat(lent.faceScore().get()).isLessThan(THRESHOLD);
        assertThat(events().get(0).matchScore()).isLessThan(THRESHOLD);

        Decision own = g.decide(
                Credential.qr(a.text()),
                GateContext.builder().zoneId("main").faceSample(live(alice)).build());
        assertThat(own.reason()).isEqualTo(Reason.OK);
        assertThat(own.faceScore().get()).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void frozenExpiredAndOtherDevicesTemplatesAreNotCandidates() {
        Pass frozen = reentryPass();
        Pass sealedElsewhere = reentryPass();
        Pass ends = f.issue(f.claims()
                .kind(PassKind.MULTI_DAY)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.AFTER_EXIT)
                .validUntil(T0.plus(Duration.ofHours(1)))
                .build());
        byte[] carol = face(4);
        manifest(
                0,
                3,
                withFace(frozen, mine, alice),
                withFace(sealedElsewhere, other, bob),
                withFace(ends, mine, carol));
        assertThat(g.decide(Credential.face(live(alice)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.OK);
        // a template sealed for another device does not open here
        assertThat(g.decide(Credential.face(live(bob)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.FACE_NOT_MATCHED);

        GateInternals.state(g)
                .applyRevocations(new RevocationDelta(
                        0, 1, Collections.singletonList(frozen.claims().passId()), false));
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(g.decide(Credential.face(live(carol)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.OK);
        assertThat(g.decide(Credential.face(live(alice)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.FACE_NOT_MATCHED);
        f.clock.advance(Duration.ofHours(2));
        assertThat(g.decide(Credential.face(live(carol)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.FACE_NOT_MATCHED);
    }

    @Test
    void aFrozenAnnualPassIsNoCandidateUntilUnfrozen() {
        Pass annual = f.issue(f.claims()
                .kind(PassKind.ANNUAL)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.UNLIMITED)
                .build());
        manifest(0, 1, withFace(annual, mine, alice));
        String frozen = GateFixture.b64url(
                io.scenicpass.core.HolderBinding.frozenPass(annual.claims().passId()));
        GateInternals.state(g)
                .applyBlacklist(new io.scenicpass.core.wire.BlacklistDelta(
                        0, 1, Collections.singletonList(frozen), Collections.<String>emptyList(), false));
        assertThat(g.decide(Credential.face(live(alice)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.FACE_NOT_MATCHED);
        GateInternals.state(g)
                .applyBlacklist(new io.scenicpass.core.wire.BlacklistDelta(
                        1, 2, Collections.<String>emptyList(), Collections.singletonList(frozen), false));
        Decision back = g.decide(Credential.face(live(alice)), GateContext.entry("main"));
        assertThat(back.reason()).isEqualTo(Reason.OK);
        assertThat(back.pass().get().passId()).isEqualTo(annual.claims().passId());
    }

    @Test
    void aFirstEntryWithAFaceCapturesItForReEntryByFaceAloneOfflineAndSealsItForTheServer() {
        Pass a = reentryPass();
        Pass single = f.issue(f.claims().build());
        g.setOnline(false);

        Decision first = g.decide(
                Credential.qr(a.text()),
                GateContext.builder().zoneId("main").faceSample(live(alice)).build());
        assertThat(first.reason()).isEqualTo(Reason.OK);
        assertThat(first.faceScore()).isEmpty();
        EntryEvent e = events().get(0);
        assertThat(FaceSeal.ofTokenHash(sha256Hex("dvt_this_gate")).open(e.faceEnrolment(), e.eventId()))
                .isEqualTo(live(alice).data());
        assertThat(e.toString()).doesNotContain(e.faceEnrolment());

        assertThat(g.decide(Credential.qr(a.text()), GateContext.exit("main")).admitted())
                .isTrue();
        Decision again = g.decide(Credential.face(live(alice)), GateContext.entry("main"));
        assertThat(again.reason()).isEqualTo(Reason.OK);
        assertThat(again.pass().get().passId()).isEqualTo(a.claims().passId());
        assertThat(again.faceScore().get()).isGreaterThanOrEqualTo(THRESHOLD);
        // after exit-less re-entry the pass's own rules still apply to a face
        assertThat(g.decide(Credential.face(live(alice)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.EXIT_REQUIRED);

        // a single-entry pass has no re-entry: its face is not kept
        g.decide(
                Credential.qr(single.text()),
                GateContext.builder().zoneId("main").faceSample(live(bob)).build());
        assertThat(events().get(events().size() - 1).faceEnrolment()).isNull();
        assertThat(g.decide(Credential.face(live(bob)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.FACE_NOT_MATCHED);
    }

    @Test
    void aGateWithoutAFaceMatcherRefusesAFaceAloneAndIgnoresOneShownWithAPass() throws Exception {
        g.close();
        Gate plain = f.gate(dir.resolve("plain"));
        Pass a = reentryPass();
        assertThat(plain.decide(Credential.face(live(alice)), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.FACE_NOT_MATCHED);
        assertThat(plain.decide(
                                Credential.qr(a.text()),
                                GateContext.builder()
                                        .zoneId("main")
                                        .faceSample(live(alice))
                                        .build())
                        .reason())
                .isEqualTo(Reason.OK);
        plain.close();
        g = f.gateBuilder(dir.resolve("again"))
                .faceMatcher(new SimulatedBiometricMatcher(BiometricModality.FACE), THRESHOLD, mine)
                .build();
    }

    static String sha256Hex(String s) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : h) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        g.close();
    }
}
