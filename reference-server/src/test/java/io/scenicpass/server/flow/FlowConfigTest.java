package io.scenicpass.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.config.ServerConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** flow.* settings reach FlowConfig from properties and from SCENICPASS_FLOW_* environment variables. */
class FlowConfigTest {
    @Test
    void defaults() {
        FlowConfig c = FlowConfig.defaults();
        assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.threshold()).isEqualTo(0.8);
        assertThat(c.hysteresis()).isEqualTo(0.1);
        assertThat(c.notifierUrl()).isNull();
        assertThat(c.alertInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(FlowConfig.demoHistoryDays(Map.of())).isEqualTo(28);
    }

    @Test
    void propertiesAndEnvironmentSpellings() {
        ServerConfig sc = ServerConfig.load(
                null,
                Map.of(
                        "SCENICPASS_FLOW_NOTIFIER_URL",
                        "http://sms.local/hook",
                        "SCENICPASS_FLOW_ALERT_THRESHOLD",
                        "0.9",
                        "SCENICPASS_FLOW_DEMO_HISTORY_DAYS",
                        "0"),
                Map.of("flow.parkCapacity", "5000"));
        FlowConfig c = FlowConfig.of(sc.flow);
        assertThat(c.notifierUrl()).isEqualTo("http://sms.local/hook");
        assertThat(c.threshold()).isEqualTo(0.9);
        assertThat(c.parkCapacity()).isEqualTo(5000);
        assertThat(FlowConfig.demoHistoryDays(sc.flow)).isZero();
    }
}
