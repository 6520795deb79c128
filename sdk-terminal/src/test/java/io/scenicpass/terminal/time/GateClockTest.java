package io.scenicpass.terminal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateClockTest {
    /** A wall clock and a monotonic clock that tests move by hand. */
    static final class FakeTime extends Clock {
        long wallMillis = Instant.parse("2026-07-01T08:00:00Z").toEpochMilli();
        long monoNanos = 5_000_000_000L;

        void advance(Duration d) {
            wallMillis += d.toMillis();
            monoNanos += d.toNanos();
        }

        void jumpWall(Duration d) {
            wallMillis += d.toMillis();
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
            return Instant.ofEpochMilli(wallMillis);
        }
    }

    private final FakeTime time = new FakeTime();
    private final ClockOffsetStore store = ClockOffsetStore.inMemory();

    private GateClock clock() {
        return new GateClock(time, () -> time.monoNanos, store, Duration.ofSeconds(2));
    }

    @Test
    void learnsOffsetFromTheMidpointOfTheRequest() {
        GateClock c = clock();
        Instant sent = time.instant();
        time.advance(Duration.ofMillis(400));
        Instant received = time.instant();
        // server is 90 s ahead: at the midpoint (sent + 200 ms) it read sent + 200 ms + 90 s
        assertThat(c.observeServerTime(sent.plusMillis(200).plusSeconds(90), sent, received))
                .isTrue();
        assertThat(c.offset()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.now()).isEqualTo(time.instant().plusSeconds(90));
        assertThat(c.deviceNow()).isEqualTo(time.instant());
        assertThat(c.isSynced()).isTrue();
    }

    @Test
    void ignoresSamplesWithNegativeOrHugeRoundTrip() {
        GateClock c = clock();
        Instant t = time.instant();
        assertThat(c.observeServerTime(t.plusSeconds(50), t, t.minusMillis(1))).isFalse();
        assertThat(c.observeServerTime(t.plusSeconds(50), t, t.plusSeconds(31))).isFalse();
        assertThat(c.offset()).isZero();
    }

    @Test
    void offsetSurvivesRestart() {
        GateClock c = clock();
        Instant t = time.instant();
        c.observeServerTime(t.minusSeconds(3600), t, t);
        GateClock restarted = clock();
        assertThat(restarted.offset()).isEqualTo(Duration.ofSeconds(-3600));
        assertThat(restarted.now()).isEqualTo(time.instant().minusSeconds(3600));
    }

    @Test
    void wallClockJumpIsDetectedAndCorrected() {
        GateClock c = clock();
        List<Duration> jumps = new ArrayList<>();
        c.addJumpListener((jump, offset) -> jumps.add(jump));
        Instant before = c.now();
        time.advance(Duration.ofSeconds(10));
        time.jumpWall(Duration.ofHours(-5)); // someone set the device clock back five hours
        Instant after = c.now();
        assertThat(jumps).containsExactly(Duration.ofHours(-5));
        assertThat(c.jumpCount()).isEqualTo(1);
        assertThat(Duration.between(before, after)).isEqualTo(Duration.ofSeconds(10));
        assertThat(store.loadOffset()).isEqualTo(Duration.ofHours(5));
        assertThat(c.deviceNow()).isEqualTo(time.instant());
    }

    @Test
    void smallDriftIsNotAJump() {
        GateClock c = clock();
        time.advance(Duration.ofMinutes(1));
        time.jumpWall(Duration.ofMillis(1500));
        c.now();
        assertThat(c.jumpCount()).isZero();
    }

    @Test
    void uncorrectedClockIgnoresServerTime() {
        Clock fixed = Clock.fixed(Instant.parse("2026-08-01T10:00:00Z"), ZoneOffset.UTC);
        GateClock c = GateClock.uncorrected(fixed);
        Instant t = fixed.instant();
        assertThat(c.observeServerTime(t.plusSeconds(100), t, t)).isFalse();
        assertThat(c.now()).isEqualTo(t);
        assertThat(c.asClock().instant()).isEqualTo(t);
    }
}
