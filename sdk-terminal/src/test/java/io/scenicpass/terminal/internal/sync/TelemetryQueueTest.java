package io.scenicpass.terminal.internal.sync;

import io.scenicpass.core.wire.TelemetryKind;
import io.scenicpass.core.wire.TelemetryReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryQueueTest {
    @Test
    void boundedDroppingTheOldest() {
        TelemetryQueue q = new TelemetryQueue(3);
        for (int i = 0; i < 5; i++) {
            q.offer(new TelemetryReading(Instant.EPOCH, "d", "s", TelemetryKind.TEMPERATURE, i, "C", null));
        }
        assertThat(q.size()).isEqualTo(3);
        assertThat(q.dropped()).isEqualTo(2);
    }
}
