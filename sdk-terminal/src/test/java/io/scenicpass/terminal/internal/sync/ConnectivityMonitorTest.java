package io.scenicpass.terminal.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.sync.Connectivity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectivityMonitorTest {
    private final List<String> changes = new ArrayList<>();
    private final ConnectivityMonitor m =
            new ConnectivityMonitor(3, Duration.ofSeconds(2), (a, b) -> changes.add(a + "->" + b));

    @Test
    void consecutiveBadOutcomesMakeItOfflineAndOneGoodOneOnline() {
        m.success(Duration.ofMillis(50));
        m.failure();
        m.failure();
        m.success(Duration.ofMillis(50));
        m.failure();
        m.failure();
        assertThat(m.state()).as("streak broken by a success").isEqualTo(Connectivity.ONLINE);
        m.success(Duration.ofSeconds(5));
        assertThat(m.state()).as("slow counts as bad").isEqualTo(Connectivity.OFFLINE);
        m.failure();
        m.success(Duration.ofMillis(10));
        assertThat(changes).containsExactly("UNKNOWN->ONLINE", "ONLINE->OFFLINE", "OFFLINE->ONLINE");
    }
}
