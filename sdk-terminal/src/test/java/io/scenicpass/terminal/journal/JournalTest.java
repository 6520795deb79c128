package io.scenicpass.terminal.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<JournalRecord> records) {
        return records.stream()
                .map(r -> new String(r.payload(), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    @ParameterizedTest
    @EnumSource(FsyncPolicy.class)
    void appendedRecordsSurviveReopenInOrder(FsyncPolicy policy) {
        JournalConfig cfg = JournalConfig.builder(dir)
                .fsyncPolicy(policy)
                .segmentBytes(4096)
                .build();
        List<Long> ids = new ArrayList<>();
        try (Journal j = Journal.open(cfg)) {
            for (int i = 0; i < 300; i++) {
                ids.add(j.append(bytes("record-" + i)));
            }
            assertThat(j.segmentCount()).isGreaterThan(1);
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        try (Journal j = Journal.open(cfg)) {
            List<JournalRecord> pending = j.pending(1000);
            assertThat(pending).extracting(JournalRecord::id).containsExactlyElementsOf(ids);
            assertThat(texts(pending).get(299)).isEqualTo("record-299");
            long next = j.append(bytes("after"));
            assertThat(next).isGreaterThan(ids.get(ids.size() - 1));
        }
    }

    @Test
    void tornTailIsDiscardedAndAppendingContinues() throws IOException {
        JournalConfig cfg = JournalConfig.builder(dir).build();
        try (Journal j = Journal.open(cfg)) {
            j.append(bytes("one"));
            j.append(bytes("two"));
        }
        Path seg = segmentFiles().get(0);
        long size = Files.size(seg);
        // half a record: a plausible header and a few payload bytes
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 3, 'x'}), size);
        }
        try (Journal j = Journal.open(cfg)) {
            assertThat(texts(j.pending(10))).containsExactly("one", "two");
            assertThat(Files.size(seg)).isEqualTo(size);
            j.append(bytes("three"));
        }
        try (Journal j = Journal.open(cfg)) {
            assertThat(texts(j.pending(10))).containsExactly("one", "two", "three");
        }
    }

    @Test
    void corruptedLastRecordIsDropped() throws IOException {
        JournalConfig cfg = JournalConfig.builder(dir).build();
        try (Journal j = Journal.open(cfg)) {
            j.append(bytes("one"));
            j.append(bytes("two"));
        }
        Path seg = segmentFiles().get(0);
        byte[] data = Files.readAllBytes(seg);
        data[data.length - 1] ^= 0x55; // flip bits in the last payload
        Files.write(seg, data);
        try (Journal j = Journal.open(cfg)) {
            assertThat(texts(j.pending(10))).containsExactly("one");
        }
    }

    @Test
    void uploadedMarksPersistAndFullyUploadedSegmentsAreCompacted() {
        JournalConfig cfg = JournalConfig.builder(dir).segmentBytes(4096).build();
        List<Long> ids = new ArrayList<>();
        try (Journal j = Journal.open(cfg)) {
            for (int i = 0; i < 200; i++) {
                ids.add(j.append(bytes("record-number-" + i)));
            }
            int before = j.segmentCount();
            long usedBefore = j.usedBytes();
            j.markUploaded(ids.subList(0, 150));
            assertThat(j.segmentCount()).isLessThan(before);
            assertThat(j.usedBytes()).isLessThan(usedBefore);
            assertThat(j.pending(1000)).extracting(JournalRecord::id).containsExactlyElementsOf(ids.subList(150, 200));
            j.markUploaded(ids.subList(0, 150)); // repeat is harmless
            j.markUploaded(Arrays.asList(123456789L)); // unknown ignored
        }
        try (Journal j = Journal.open(cfg)) {
            assertThat(j.pendingCount()).isEqualTo(50);
            assertThat(j.pending(10)).extracting(JournalRecord::id).containsExactlyElementsOf(ids.subList(150, 160));
            j.markUploaded(ids.subList(150, 200));
            assertThat(j.pendingCount()).isZero();
            long next = j.append(bytes("new"));
            assertThat(next).isGreaterThan(ids.get(199));
        }
        try (Journal j = Journal.open(cfg)) {
            assertThat(texts(j.pending(10))).containsExactly("new");
        }
    }

    @Test
    void checkpointHookRunsOnlyBeforeSegmentsAreDeletedAndAFailingHookKeepsThem() {
        JournalConfig cfg = JournalConfig.builder(dir).segmentBytes(4096).build();
        java.util.concurrent.atomic.AtomicInteger hooks = new java.util.concurrent.atomic.AtomicInteger();
        try (Journal j = Journal.open(cfg)) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(j.append(bytes("record-number-" + i + "x".repeat(100)))); // about 30 per segment
            }
            j.markUploaded(ids.subList(0, 1), hooks::incrementAndGet); // first segment not complete yet
            assertThat(hooks.get()).isZero();
            int segments = j.segmentCount();
            j.markUploaded(ids.subList(0, 60), () -> {
                throw new IllegalStateException("disk full");
            });
            assertThat(j.segmentCount()).isEqualTo(segments);
            assertThat(segments).isGreaterThan(2);
            j.markUploaded(ids.subList(60, 80), hooks::incrementAndGet);
            assertThat(hooks.get()).isEqualTo(1);
            assertThat(j.segmentCount()).isLessThan(segments);
            assertThat(j.pendingCount()).isEqualTo(20);
        }
    }

    @Test
    void idsAreNeverReusedAfterEverythingWasUploaded() {
        JournalConfig cfg = JournalConfig.builder(dir).segmentBytes(4096).build();
        long last;
        try (Journal j = Journal.open(cfg)) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(j.append(bytes("r" + i)));
            }
            j.markUploaded(ids);
            last = ids.get(99);
        }
        try (Journal j = Journal.open(cfg)) {
            assertThat(j.append(bytes("x"))).isGreaterThan(last);
        }
    }

    @Test
    void groupCommitKeepsEveryConcurrentAppend() throws Exception {
        JournalConfig cfg = JournalConfig.builder(dir)
                .fsyncPolicy(FsyncPolicy.ALWAYS)
                .segmentBytes(8192)
                .build();
        Set<Long> acked = ConcurrentHashMap.newKeySet();
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (Journal j = Journal.open(cfg)) {
            for (int t = 0; t < threads; t++) {
                int tt = t;
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        acked.add(j.append(bytes(tt + ":" + i)));
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acked).hasSize(threads * each);
        try (Journal j = Journal.open(cfg)) {
            List<JournalRecord> all = j.pending(10_000);
            assertThat(all).extracting(JournalRecord::id).containsExactlyInAnyOrderElementsOf(acked);
            assertThat(texts(all)).doesNotHaveDuplicates();
        }
    }

    @Test
    void diskAlarmIsRaisedBeforeTheBudgetIsFullAndClearedAfterUpload() {
        JournalConfig cfg = JournalConfig.builder(dir)
                .segmentBytes(4096)
                .budgetBytes(16384)
                .alarmRatio(0.5)
                .build();
        List<DiskState> seen = Collections.synchronizedList(new ArrayList<>());
        List<Long> ids = new ArrayList<>();
        try (Journal j = Journal.open(cfg)) {
            j.addListener((prev, cur, used, budget) -> seen.add(cur));
            byte[] payload = new byte[200];
            JournalFullException full = null;
            for (int i = 0; i < 200 && full == null; i++) {
                try {
                    ids.add(j.append(payload));
                } catch (JournalFullException e) {
                    full = e;
                }
            }
            assertThat(full).isNotNull();
            assertThat(full.code()).isEqualTo("JOURNAL_FULL");
            assertThat(seen).containsExactly(DiskState.ALARM, DiskState.FULL);
            assertThat(j.diskState()).isEqualTo(DiskState.FULL);
            assertThat(j.usedBytes()).isLessThanOrEqualTo(16384);
            j.markUploaded(ids);
            assertThat(j.diskState()).isEqualTo(DiskState.OK);
            assertThat(seen).endsWith(DiskState.OK);
            j.append(payload);
        }
    }

    @Test
    void intervalPolicyForcesInTheBackground() throws InterruptedException {
        JournalConfig cfg = JournalConfig.builder(dir)
                .fsyncPolicy(FsyncPolicy.INTERVAL)
                .fsyncInterval(java.time.Duration.ofMillis(20))
                .build();
        try (Journal j = Journal.open(cfg)) {
            j.append(bytes("a"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (j.forceCount() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(j.forceCount()).isPositive();
        }
    }

    @Test
    void alwaysPolicyForcesBeforeReturning() {
        try (Journal j = Journal.open(
                JournalConfig.builder(dir).fsyncPolicy(FsyncPolicy.ALWAYS).build())) {
            j.append(bytes("a"));
            assertThat(j.forceCount()).isEqualTo(1);
            j.append(bytes("b"));
            assertThat(j.forceCount()).isEqualTo(2);
        }
    }

    @Test
    void lowFreeSpaceOnTheFileSystemRaisesTheAlarmToo() {
        java.util.concurrent.atomic.AtomicLong free = new java.util.concurrent.atomic.AtomicLong(1L << 30);
        JournalConfig cfg = JournalConfig.builder(dir)
                .segmentBytes(4096)
                .minFreeBytes(1 << 20)
                .usableSpaceProbe(free::get)
                .build();
        List<DiskState> seen = Collections.synchronizedList(new ArrayList<>());
        try (Journal j = Journal.open(cfg)) {
            j.addListener((prev, cur, used, budget) -> seen.add(cur));
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(j.append(new byte[100]));
            }
            assertThat(j.diskState()).isEqualTo(DiskState.OK);
            free.set(1000); // someone else filled the disk; noticed at the next segment roll
            for (int i = 0; i < 100; i++) {
                ids.add(j.append(new byte[100]));
            }
            assertThat(j.diskState()).isEqualTo(DiskState.ALARM);
            assertThat(seen).containsExactly(DiskState.ALARM);
            free.set(1L << 30);
            j.markUploaded(ids);
            assertThat(j.diskState()).isEqualTo(DiskState.OK);
        }
    }

    @Test
    void oversizedRecordAndClosedJournalGiveTypedErrors() {
        Journal j = Journal.open(JournalConfig.builder(dir).maxRecordBytes(10).build());
        assertThatThrownBy(() -> j.append(new byte[11]))
                .isInstanceOf(JournalException.class)
                .extracting(e -> ((JournalException) e).code())
                .isEqualTo("RECORD_TOO_LARGE");
        j.close();
        assertThatThrownBy(() -> j.append(new byte[1]))
                .isInstanceOf(JournalException.class)
                .extracting(e -> ((JournalException) e).code())
                .isEqualTo("JOURNAL_CLOSED");
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("seg-"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
