package io.scenicpass.terminal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.RevocationDelta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateStateTest {
    private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");

    @TempDir
    Path dir;

    private final IssuerKey root = IssuerKey.fromSeed(seed(1));
    private final IssuerKey otherRoot = IssuerKey.fromSeed(seed(9));
    private final IssuerKey issuer = IssuerKey.fromSeed(seed(2));

    private static byte[] seed(int n) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) n);
        return s;
    }

    private SignedKeySet keys(long seq, IssuerKey signer) {
        return KeySet.of(
                        seq,
                        T,
                        Collections.singletonList(
                                issuer.toPublicEntry(T, T.plus(Duration.ofDays(9)), KeyStatus.ACTIVE)))
                .sign(signer);
    }

    @Test
    void keySetIsVerifiedKeptWhenNewerAndPersisted() {
        GateState s = GateState.open(dir, root.publicKey());
        assertThat(s.keySetSequence()).isZero();
        assertThatThrownBy(() -> s.applyKeySet(keys(1, otherRoot)))
                .isInstanceOf(ScenicPassException.class)
                .extracting(e -> ((ScenicPassException) e).code())
                .isEqualTo(ErrorCode.BAD_KEY_SET);
        assertThat(s.applyKeySet(keys(2, root))).isTrue();
        assertThat(s.applyKeySet(keys(2, root))).isFalse();
        assertThatThrownBy(() -> s.applyKeySet(keys(1, root)))
                .extracting(e -> ((ScenicPassException) e).code())
                .isEqualTo(ErrorCode.STALE_SEQUENCE);
        s.close();
        GateState again = GateState.open(dir, root.publicKey());
        assertThat(again.keySetSequence()).isEqualTo(2);
        again.close();
        // a different pinned root does not trust the stored set
        GateState other = GateState.open(dir, otherRoot.publicKey());
        assertThat(other.keySet()).isEmpty();
        other.close();
    }

    @Test
    void deltasReplayAfterRestartAndATornLastDeltaIsDropped() throws IOException {
        GateState s = GateState.open(dir, root.publicKey());
        s.applyRevocations(new RevocationDelta(0, 2, Arrays.asList("A", "B"), false));
        s.applyRevocations(new RevocationDelta(2, 3, Collections.singletonList("C"), false));
        s.applyRevocations(new RevocationDelta(2, 3, Collections.singletonList("C"), false)); // repeat: no-op
        assertThatThrownBy(() -> s.applyRevocations(new RevocationDelta(5, 6, Collections.singletonList("X"), false)))
                .extracting(e -> ((ScenicPassException) e).code())
                .isEqualTo(ErrorCode.STALE_SEQUENCE);
        String bl = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        s.applyBlacklist(new BlacklistDelta(0, 1, Collections.singletonList(bl), Collections.emptyList(), false));
        s.close();
        // half a frame appended to the revocation log, as after a crash mid-write
        Files.write(dir.resolve("revocations.log"), new byte[] {0, 0, 0, 50, 1, 2}, StandardOpenOption.APPEND);
        GateState again = GateState.open(dir, root.publicKey());
        assertThat(again.revocationSequence()).isEqualTo(3);
        assertThat(again.revocations().isRevoked("C")).isTrue();
        assertThat(again.revocations().isRevoked("X")).isFalse();
        assertThat(again.blacklist().isBlacklisted(new byte[16])).isTrue();
        again.applyRevocations(new RevocationDelta(3, 4, Collections.singletonList("D"), false));
        again.close();
        assertThat(GateState.open(dir, root.publicKey()).revocations().isRevoked("D"))
                .isTrue();
    }

    @Test
    void largeRevocationLogIsFoldedIntoASnapshot() {
        GateState s = GateState.open(dir, root.publicKey());
        long seq = 0;
        for (int batch = 0; batch < 60; batch++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ids.add(String.format("PASS-%03d-%05d-%s", batch, i, "x".repeat(20)));
            }
            s.applyRevocations(new RevocationDelta(seq, seq + ids.size(), ids, false));
            seq += ids.size();
        }
        assertThat(Files.exists(dir.resolve("revocations.snap"))).isTrue();
        s.close();
        GateState again = GateState.open(dir, root.publicKey());
        assertThat(again.revocationSequence()).isEqualTo(seq);
        assertThat(again.revocations().size()).isEqualTo(120_000);
        assertThat(again.revocations().isRevoked(String.format("PASS-%03d-%05d-%s", 59, 1999, "x".repeat(20))))
                .isTrue();
        again.close();
    }

    @Test
    void manifestDeltasUpsertRemoveAndRejectGaps() {
        GateState s = GateState.open(dir, root.publicKey());
        s.applyManifest(new ManifestDelta(
                0,
                2,
                Arrays.asList(
                        new ManifestEntry(
                                "P1",
                                "SP1AAA",
                                Collections.singletonList("b1"),
                                Collections.singletonList("04:aa"),
                                null),
                        new ManifestEntry(
                                "P2",
                                "SP1BBB",
                                Collections.singletonList("b1"),
                                null,
                                Collections.singletonList("face-1"))),
                null,
                false));
        assertThat(s.manifest().byCardUid("04AA"))
                .extracting(ManifestEntry::passId)
                .containsExactly("P1");
        s.applyManifest(new ManifestDelta(2, 3, null, Collections.singletonList("P1"), false));
        assertThat(s.manifest().byCardUid("04AA")).isEmpty();
        assertThatThrownBy(() -> s.applyManifest(new ManifestDelta(7, 8, null, null, false)))
                .extracting(e -> ((ScenicPassException) e).code())
                .isEqualTo(ErrorCode.STALE_SEQUENCE);
        s.close();
        GateState again = GateState.open(dir, root.publicKey());
        assertThat(again.manifestCursor()).isEqualTo(3);
        assertThat(again.manifest().byBiometricSubject("face-1"))
                .extracting(ManifestEntry::passId)
                .containsExactly("P2");
        again.close();
    }

    @Test
    void clockOffsetAndOlderConfigs() {
        GateState s = GateState.open(dir, root.publicKey());
        s.saveOffset(Duration.ofMillis(-1234));
        s.close();
        GateState again = GateState.open(dir, root.publicKey());
        assertThat(again.loadOffset()).isEqualTo(Duration.ofMillis(-1234));
        assertThat(again.configVersion()).isZero();
        again.close();
    }
}
