package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

class JettyThreadsTest {
    private static final boolean JAVA_21 = Runtime.version().feature() >= 21;

    @Test
    void virtualThreadsOnlyWhenAskedForAndAvailable() {
        QueuedThreadPool on = JettyThreads.pool(JettyThreads.Mode.ON, 64);
        QueuedThreadPool auto = JettyThreads.pool(JettyThreads.Mode.AUTO, 64);
        QueuedThreadPool off = JettyThreads.pool(JettyThreads.Mode.OFF, 64);
        assertThat(JettyThreads.virtualThreadsAvailable()).isEqualTo(JAVA_21);
        // on Java 17 "on" falls back to platform threads (and logs it) instead of failing
        assertThat(on.getVirtualThreadsExecutor() != null).isEqualTo(JAVA_21);
        assertThat(auto.getVirtualThreadsExecutor() != null).isEqualTo(JAVA_21);
        assertThat(off.getVirtualThreadsExecutor()).isNull();
        assertThat(off.getMaxThreads()).isEqualTo(64);
    }

    @Test
    void parsesTheOption() {
        assertThat(JettyThreads.Mode.parse(" Auto ")).isEqualTo(JettyThreads.Mode.AUTO);
        assertThat(JettyThreads.Mode.parse("true")).isEqualTo(JettyThreads.Mode.ON);
        assertThat(JettyThreads.Mode.parse(null)).isEqualTo(JettyThreads.Mode.OFF);
        assertThatThrownBy(() -> JettyThreads.Mode.parse("sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on, off or auto");
    }
}
