package io.scenicpass.core.internal.set;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTableTest {
    @Test
    void behavesLikeASetIncludingZeroGrowthAndRemoval() {
        FingerprintTable t = new FingerprintTable();
        Set<Long> model = new HashSet<>();
        Random r = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            long v = i % 1000 == 0 ? 0 : (r.nextBoolean() ? r.nextLong() : r.nextInt(100));
            assertThat(t.add(v)).isEqualTo(model.add(v));
        }
        assertThat(t.size()).isEqualTo(model.size());
        assertThat(t.capacity() * 0.75).isGreaterThanOrEqualTo(model.size());
        long[] remove = {0, 5, 17, model.iterator().next(), 123456789L};
        t.removeAll(remove);
        for (long v : remove) {
            model.remove(v);
        }
        assertThat(t.size()).isEqualTo(model.size());
        for (long v : model) {
            assertThat(t.contains(v)).isTrue();
        }
        for (long v : remove) {
            assertThat(t.contains(v)).isFalse();
        }
        Set<Long> seen = new HashSet<>();
        t.forEach(seen::add);
        assertThat(seen).isEqualTo(model);
    }

    @Test
    void compactPassIdsAreTheirOwnFingerprint() {
        assertThat(Fingerprints.ofPassId("0000000000001")).isEqualTo(1L);
        assertThat(Fingerprints.ofPassId("FZZZZZZZZZZZZ")).isEqualTo(-1L);
        assertThat(Fingerprints.ofPassId("order-1")).isNotEqualTo(Fingerprints.ofPassId("order-2"));
    }
}
