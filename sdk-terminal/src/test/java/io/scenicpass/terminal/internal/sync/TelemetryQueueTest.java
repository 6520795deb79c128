package io.scenicpass.terminal.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.wire.TelemetryKind;
import io.scenicpass.core.wire.TelemetryReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
