package io.scenicpass.server.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AvailabilityCacheTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 2);
    private static final AvailabilityCache.Key A = new AvailabilityCache.Key("a-opt", DAY, DAY, "ota", null);
    private static final AvailabilityCache.Key B = new AvailabilityCache.Key("b-opt", DAY, DAY, "ota", null);

    private final AtomicLong nanos = new AtomicLong(1);
    private final AtomicInteger loads = new AtomicInteger();

    private Integer load() {
        return loads.incrementAndGet();
    }

    @Test
    void servesTheSameAnswerUntilTheTtlPasses() {
        AvailabilityCache<Integer> cache = new AvailabilityCache<>(Duration.ofSeconds(1), nanos::get);
        assertThat(cache.get(A, this::load)).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(cache.get(A, this::load)).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(cache.get(A, this::load)).isEqualTo(2); // another node's change is seen at most the ttl late
    }

    @Test
    void aLocalChangeOfTheOptionInvalidatesAtOnceOtherOptionsStay() {
        AvailabilityCache<Integer> cache = new AvailabilityCache<>(Duration.ofSeconds(1), nanos::get);
        assertThat(cache.get(A, this::load)).isEqualTo(1);
        assertThat(cache.get(B, this::load)).isEqualTo(2);
        cache.optionChanged("a-opt");
        assertThat(cache.get(A, this::load)).isEqualTo(3);
        assertThat(cache.get(B, this::load)).isEqualTo(2);
        cache.allChanged();
        assertThat(cache.get(B, this::load)).isEqualTo(4);
    }

    @Test
    void anAnswerLoadedWhileTheOptionChangedIsNotServedAgain() {
        AvailabilityCache<Integer> cache = new AvailabilityCache<>(Duration.ofSeconds(1), nanos::get);
        // the load read the database before a hold committed; the hold's invalidation lands while it is loading
        assertThat(cache.get(A, () -> {
                    cache.optionChanged("a-opt");
                    return 100;
                }))
                .isEqualTo(100);
        assertThat(cache.get(A, this::load)).isEqualTo(1);
        assertThat(cache.get(A, this::load)).isEqualTo(1);
    }

    @Test
    void aZeroTtlDisablesTheCache() {
        AvailabilityCache<Integer> cache = new AvailabilityCache<>(Duration.ZERO, nanos::get);
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.get(A, this::load)).isEqualTo(1);
        assertThat(cache.get(A, this::load)).isEqualTo(2);
    }
}
