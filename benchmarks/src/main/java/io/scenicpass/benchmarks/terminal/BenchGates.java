package io.scenicpass.benchmarks.terminal;

import io.scenicpass.core.Claims;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateBuilder;
import io.scenicpass.terminal.journal.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.stream.Stream;

/** The fixture the gate benchmarks share: an issuer key and its key set, open passes, a gate on a temp directory. */
public final class BenchGates {
    private BenchGates() {}

    /** A fixed issuer key (seed byte {@code seed}) trusted from yesterday for a year. */
    public static IssuerKey key(int seed) {
        byte[] s = new byte[32];
        s[0] = (byte) seed;
        return IssuerKey.fromSeed(s);
    }

    public static KeySet keySet(IssuerKey key, Instant now) {
        return KeySet.of(
                1,
                now,
                Collections.singletonList(key.toPublicEntry(
                        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), KeyStatus.ACTIVE)));
    }

    /** A pass of zone "main" without passback or entry limit: every scan admits, so each decision journals. */
    public static Claims openPass(String passId, PassKind kind, Instant now) {
        return Claims.builder()
                .passId(passId)
                .issuerId("area-1")
                .productId("ANNUAL")
                .kind(kind)
                .validFrom(now.minus(Duration.ofDays(1)))
                .validUntil(now.plus(Duration.ofDays(300)))
                .entriesAllowed(0)
                .reentry(ReentryPolicy.UNLIMITED)
                .zone("main", 0)
                .issuedAt(now.minus(Duration.ofDays(2)))
                .build();
    }

    /** A temp directory for a gate's state, under {@code -Dbench.dir} (default: java.io.tmpdir). */
    public static Path stateDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(
                Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))), prefix);
    }

    /** Gate "g1" of area-1, zone "main", both directions, its journal in {@code dir}. */
    public static GateBuilder gate(Path dir, KeySet keys, FsyncPolicy fsync) {
        return Gate.builder()
                .stateDirectory(dir)
                .trustedKeySet(keys)
                .fsyncPolicy(fsync)
                .journalBudgetBytes(8L << 30)
                .deviceId("bench")
                .gateId("g1")
                .config(DeviceConfig.builder()
                        .deviceId("bench")
                        .gateId("g1")
                        .areaId("area-1")
                        .zones(Arrays.asList("main"))
                        .direction("BOTH")
                        .version(1)
                        .build());
    }

    public static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
