package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.RevocationDelta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RevocationSetTest {
    final Ids ids = new Ids(Clock.systemUTC(), new SecureRandom());

    @Test
    void appliesDeltasInSequenceAndRefusesGaps() {
        RevocationSet set = RevocationSet.empty();
        set.apply(new RevocationDelta(0, 2, Arrays.asList("0J5W2R8ZK3M9Q", "order-77/1"), false));
        assertThat(set.isRevoked("0J5W2R8ZK3M9Q")).isTrue();
        assertThat(set.isRevoked("order-77/1")).isTrue();
        assertThat(set.isRevoked("0J5W2R8ZK3M9R")).isFalse();
        assertThat(set.sequence()).isEqualTo(2);
        set.apply(new RevocationDelta(0, 2, Collections.singletonList("ignored"), false));
        assertThat(set.isRevoked("ignored")).isFalse();
        assertThatThrownBy(() -> set.apply(new RevocationDelta(3, 4, Collections.singletonList("x"), false)))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_SEQUENCE));
        set.apply(new RevocationDelta(2, 3, Arrays.asList("0J5W2R8ZK3M9Q", "x"), false));
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.sequence()).isEqualTo(3);
    }

    @Test
    void persistsAndReloadsAMillionIds() {
        RevocationSet set = RevocationSet.empty();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            all.add(ids.passId());
        }
        set.apply(new RevocationDelta(0, 1, all, false));
        assertThat(set.size()).isEqualTo(1_000_000);
        assertThat(set.capacity() * 8L).isLessThanOrEqualTo(16L * 1024 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        set.writeTo(out);
        RevocationSet back = RevocationSet.readFrom(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.size()).isEqualTo(1_000_000);
        assertThat(back.sequence()).isEqualTo(1);
        Random r = new Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(back.isRevoked(all.get(r.nextInt(all.size())))).isTrue();
            assertThat(back.isRevoked(ids.passId())).isFalse();
        }
        byte[] corrupt = out.toByteArray();
        corrupt[100] ^= 1;
        assertThatThrownBy(() -> RevocationSet.readFrom(new ByteArrayInputStream(corrupt)))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
        assertThatThrownBy(() -> RevocationSet.readFrom(new ByteArrayInputStream(Arrays.copyOf(corrupt, 50))))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
    }

    @Test
    void readersSeeEveryRevocationOnceApplied() throws Exception {
        RevocationSet set = RevocationSet.empty();
        int batches = 400;
        int perBatch = 100;
        String[] revoked = new String[batches * perBatch];
        for (int i = 0; i < revoked.length; i++) {
            revoked[i] = ids.passId();
        }
        AtomicInteger published = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> missed = new AtomicReference<>();
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            started.countDown();
            while (!done.get()) {
                int n = published.get();
                for (int i = Math.max(0, n - perBatch); i < n; i++) {
                    if (!set.isRevoked(revoked[i])) {
                        missed.set(revoked[i]);
                    }
                }
                checks.incrementAndGet();
            }
        });
        reader.start();
        started.await();
        for (int seq = 0; seq < batches; seq++) {
            set.apply(new RevocationDelta(
                    seq, seq + 1, Arrays.asList(revoked).subList(seq * perBatch, (seq + 1) * perBatch), false));
            published.set((seq + 1) * perBatch);
        }
        done.set(true);
        reader.join();
        assertThat(missed.get()).isNull();
        assertThat(checks.get()).isPositive();
        assertThat(set.size()).isEqualTo(batches * perBatch);
    }

    @Test
    void blacklistAddsRemovesAndPersists() {
        byte[] key = PassSamples.BINDING_KEY;
        byte[] alice = HolderBinding.of(key, DocumentType.CN_ID, "11010519491231002X");
        byte[] bob = HolderBinding.of(key, DocumentType.PASSPORT, "E 1234 5678");
        Blacklist bl = Blacklist.empty();
        bl.apply(new BlacklistDelta(0, 1, Arrays.asList(Blacklist.encode(alice), Blacklist.encode(bob)), null, false));
        assertThat(bl.isBlacklisted(alice)).isTrue();
        assertThat(bl.isBlacklisted(HolderBinding.of(key, DocumentType.PASSPORT, "e12345678")))
                .isTrue();
        bl.apply(new BlacklistDelta(1, 2, null, Collections.singletonList(Blacklist.encode(alice)), false));
        assertThat(bl.isBlacklisted(alice)).isFalse();
        assertThat(bl.size()).isEqualTo(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bl.writeTo(out);
        Blacklist back = Blacklist.readFrom(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.isBlacklisted(bob)).isTrue();
        assertThat(back.sequence()).isEqualTo(2);
        assertThatThrownBy(() -> RevocationSet.readFrom(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
        assertThatThrownBy(() ->
                        bl.apply(new BlacklistDelta(2, 3, Collections.singletonList("!!not base64"), null, false)))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
        assertThatThrownBy(() -> bl.apply(new BlacklistDelta(5, 6, null, null, false)))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_SEQUENCE));
    }
}
