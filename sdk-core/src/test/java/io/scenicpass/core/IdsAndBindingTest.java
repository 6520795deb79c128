package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.internal.text.Hex;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsAndBindingTest {
    @Test
    void uuidV7IsVersion7TimeOrderedAndMonotonic() {
        Instant t = Instant.parse("2026-07-01T10:00:00Z");
        Ids ids = new Ids(Clock.fixed(t, ZoneOffset.UTC), new SecureRandom());
        UUID prev = ids.uuidV7();
        assertThat(prev.version()).isEqualTo(7);
        assertThat(prev.variant()).isEqualTo(2);
        assertThat(prev.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
        for (int i = 0; i < 10_000; i++) {
            UUID next = ids.uuidV7();
            assertThat(next.toString()).isGreaterThan(prev.toString());
            prev = next;
        }
    }

    @Test
    void sortableIdsSortInCreationOrderAcrossMillisecondsAndWithinOne() {
        MutableMillis clock =
                new MutableMillis(Instant.parse("2026-07-01T10:00:00Z").toEpochMilli());
        Ids ids = new Ids(clock, new SecureRandom());
        String prev = ids.sortableId();
        for (int i = 0; i < 10_000; i++) {
            if (i % 100 == 0) {
                clock.millis += 1 + (i % 7); // several ids per millisecond, then time moves on
            }
            String next = ids.sortableId();
            assertThat(next).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}").isGreaterThan(prev);
            prev = next;
        }
    }

    /** A clock whose milliseconds the test sets. */
    private static final class MutableMillis extends Clock {
        long millis;

        MutableMillis(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void passIdsAreCompactAndUnique() {
        Ids ids = new Ids(Clock.systemUTC(), new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.passId();
            assertThat(id).matches("[0-9A-F][0-9A-HJKMNP-TV-Z]{12}");
            assertThat(Ids.isCompactPassId(id)).isTrue();
            assertThat(seen.add(id)).isTrue();
        }
        assertThat(Ids.isCompactPassId("0J5W2R8ZK3M9U")).isFalse();
        assertThat(Ids.isCompactPassId("ZJ5W2R8ZK3M9Q")).isFalse();
    }

    @Test
    void holderBindingIsAKeyedNormalisedHash() {
        byte[] key = PassSamples.BINDING_KEY;
        byte[] a = HolderBinding.of(key, DocumentType.CN_ID, "11010519491231002x");
        assertThat(a).hasSize(16).isEqualTo(HolderBinding.of(key, DocumentType.CN_ID, " 110105 19491231 002X "));
        assertThat(HolderBinding.of(key, DocumentType.PASSPORT, "11010519491231002X"))
                .isNotEqualTo(a);
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThat(HolderBinding.of(otherKey, DocumentType.CN_ID, "11010519491231002X"))
                .isNotEqualTo(a);
        assertThat(Hex.encode(a)).doesNotContain("110105");
        // vector for other implementations (docs/protocol.md)
        assertThat(Hex.encode(a)).isEqualTo(BINDING_VECTOR);
    }

    static final String BINDING_VECTOR = "69bd89bb506bf75b8be3aa2c78ef9354";
}
