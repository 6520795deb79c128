package io.scenicpass.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy p = RetryPolicy.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(p.backoff(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(p.backoff(60)).isEqualTo(Duration.ofMillis(1000));
    }

    @Property
    void jitterStaysInItsBand(
            @ForAll @IntRange(min = 1, max = 30) int retry,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double r,
            @ForAll @DoubleRange(min = 0, max = 1) double jitter) {
        RetryPolicy p = RetryPolicy.defaults().withJitter(jitter);
        long b = p.backoff(retry).toMillis();
        long w = p.jitteredBackoff(retry, r).toMillis();
        assertThat(w).isBetween((long) (b * (1 - jitter)), b);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withMultiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.none().getMaxAttempts()).isEqualTo(1);
    }

    @Test
    void builderValidatesUrlAndKey() {
        assertThatThrownBy(() -> ChannelClient.builder().apiKey("k").build()).hasMessageContaining("baseUrl");
        assertThatThrownBy(() ->
                        ChannelClient.builder().baseUrl("ftp://x").apiKey("k").build())
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(
                        () -> ChannelClient.builder().baseUrl("http://x/octo").build())
                .hasMessageContaining("apiKey");
        assertThatThrownBy(() -> ChannelClient.builder()
                        .baseUrl("http://x/octo")
                        .apiKey("a\nb")
                        .build())
                .hasMessageContaining("single line");
    }
}
