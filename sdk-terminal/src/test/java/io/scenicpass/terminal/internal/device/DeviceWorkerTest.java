package io.scenicpass.terminal.internal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class DeviceWorkerTest {

    @Test
    void stopWakesAPausingLoopAndWaitsForIt() throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<DeviceWorker> ref = new AtomicReference<>();
        DeviceWorker w = new DeviceWorker(
                "test-worker",
                () -> {
                    while (ref.get().running()) {
                        paused.countDown();
                        ref.get().pause(Duration.ofHours(1));
                    }
                    ended.countDown();
                },
                Duration.ofMinutes(1));
        ref.set(w);

        assertThat(w.start()).isTrue();
        assertThat(w.start()).as("second start is a no-op").isFalse();
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(w.stop()).isTrue();
        // stop() joined the thread: the loop has already returned, the hour-long pause was cut short
        assertThat(ended.getCount()).isZero();
        assertThat(w.running()).isFalse();
        assertThat(w.stop()).as("second stop is a no-op").isFalse();
    }

    @Test
    void canRestartAfterStop() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<DeviceWorker> ref = new AtomicReference<>();
        CountDownLatch[] started = {new CountDownLatch(1), new CountDownLatch(1)};
        DeviceWorker w = new DeviceWorker(
                "test-worker",
                () -> {
                    started[runs.getAndIncrement()].countDown();
                    while (ref.get().running()) {
                        ref.get().pause(Duration.ofHours(1));
                    }
                },
                Duration.ofMinutes(1));
        ref.set(w);
        w.start();
        assertThat(started[0].await(10, TimeUnit.SECONDS)).isTrue();
        w.stop();
        w.start();
        assertThat(started[1].await(10, TimeUnit.SECONDS)).isTrue();
        w.stop();
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void pauseWithoutStartReturnsAtOnce() {
        DeviceWorker w = new DeviceWorker("idle", () -> {}, Duration.ofSeconds(1));
        w.pause(Duration.ofHours(1)); // not running: must not block
        assertThat(w.running()).isFalse();
    }
}
