package io.scenicpass.terminal.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheCapWithEqualJitter() {
        double[] r = {0.0};
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> r[0]);
        List<Duration> low = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            low.add(b.failed());
        }
        assertThat(low)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(2000),
                        Duration.ofMillis(4000),
                        Duration.ofMillis(5000),
                        Duration.ofMillis(5000));
        r[0] = 0.5;
        assertThat(b.failed()).isEqualTo(Duration.ofMillis(7500));
        assertThat(b.failures()).isEqualTo(7);
        b.succeeded();
        assertThat(b.failures()).isZero();
        assertThat(b.failed()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void manyFailuresDoNotOverflow() {
        Backoff b = new Backoff(Duration.ofMillis(1), Duration.ofHours(1), () -> 0.999999);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 10_000; i++) {
            last = b.failed();
        }
        assertThat(last).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
