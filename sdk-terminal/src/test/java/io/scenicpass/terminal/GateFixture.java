package io.scenicpass.terminal;

import io.scenicpass.core.Claims;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.DeviceConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** Keys from fixed seeds, a settable clock, a device config, and pass factories for gate tests. */
public final class GateFixture {
    /** Wednesday 2026-07-01 10:00 in Shanghai. */
    public static final Instant T0 = Instant.parse("2026-07-01T02:00:00Z");

    public static final String AREA = "area-1";
    public static final byte[] BINDING_KEY = seed(42);

    public final IssuerKey root = IssuerKey.fromSeed(seed(1));
    public final IssuerKey issuer = IssuerKey.fromSeed(seed(2));
    public final IssuerKey retired = IssuerKey.fromSeed(seed(3));
    public final IssuerKey compromised = IssuerKey.fromSeed(seed(4));
    public final IssuerKey unknown = IssuerKey.fromSeed(seed(5));
    public final IssuerKey retiredButValid = IssuerKey.fromSeed(seed(6));
    public final SettableClock clock = new SettableClock(T0);
    private final AtomicInteger counter = new AtomicInteger();

    public static byte[] seed(int n) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) n);
        return s;
    }

    public KeySet keySet() {
        Instant from = T0.minus(Duration.ofDays(400));
        return KeySet.of(
                1,
                T0.minus(Duration.ofDays(1)),
                Arrays.asList(
                        issuer.toPublicEntry(from, T0.plus(Duration.ofDays(400)), KeyStatus.ACTIVE),
                        retired.toPublicEntry(from, T0.minus(Duration.ofDays(1)), KeyStatus.RETIRED),
                        retiredButValid.toPublicEntry(from, T0.plus(Duration.ofDays(30)), KeyStatus.RETIRED),
                        compromised.toPublicEntry(from, T0.plus(Duration.ofDays(400)), KeyStatus.COMPROMISED)));
    }

    public SignedKeySet signedKeySet() {
        return keySet().sign(root);
    }

    public DeviceConfig.Builder configBuilder() {
        return DeviceConfig.builder()
                .deviceId("dev-1")
                .gateId("g1")
                .areaId(AREA)
                .zones(Arrays.asList("main", "museum"))
                .direction("BOTH")
                .holderBindingKey(Base64.getEncoder().encodeToString(BINDING_KEY))
                .version(1);
    }

    public GateBuilder gateBuilder(Path dir) {
        return Gate.builder()
                .stateDirectory(dir)
                .clock(clock)
                .monotonic(clock::monotonicNanos)
                .rootPublicKey(root.publicKey())
                .keySet(signedKeySet())
                .config(configBuilder().build())
                .deviceId("dev-1")
                .secureRandom(new SecureRandom(new byte[] {7}))
                .fsyncPolicy(io.scenicpass.terminal.journal.FsyncPolicy.NEVER);
    }

    public Gate gate(Path dir) {
        return gateBuilder(dir).build();
    }

    /** A valid one-day single-entry pass; tweak the builder. */
    public Claims.Builder claims() {
        return Claims.builder()
                .passId("P" + counter.incrementAndGet())
                .issuerId(AREA)
                .productId("DAY-ADULT")
                .kind(PassKind.DAY)
                .validFrom(T0.minus(Duration.ofHours(2)))
                .validUntil(T0.plus(Duration.ofHours(10)))
                .entriesAllowed(1)
                .reentry(ReentryPolicy.SINGLE)
                .issuedAt(T0.minus(Duration.ofDays(1)));
    }

    public Pass issue(Claims claims) {
        return new PassIssuer(issuer).issue(claims);
    }

    public Pass issue(IssuerKey key, Claims claims) {
        return new PassIssuer(key).issue(claims);
    }

    public static byte[] binding(DocumentType type, String number) {
        return HolderBinding.of(BINDING_KEY, type, number);
    }

    public static String b64url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A clock the test sets; its monotonic reading follows it (no jumps unless asked). */
    public static final class SettableClock extends Clock {
        private volatile Instant now;
        private volatile long mono = 1_000_000_000L;

        SettableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant t) {
            mono += Duration.between(now, t).toNanos();
            now = t;
        }

        public void advance(Duration d) {
            set(now.plus(d));
        }

        public long monotonicNanos() {
            return mono;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
