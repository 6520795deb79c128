package io.scenicpass.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenCommandLine() throws Exception {
        Path f = dir.resolve("server.properties");
        Files.writeString(f, "port=9000\nrate.perSecond=7\ndb.url=jdbc:postgresql://file/db\nhold.defaultMinutes=12\n");
        Map<String, String> env = Map.of(
                "SCENICPASS_DB_URL", "jdbc:postgresql://env/db", "SCENICPASS_RATE_PER_SECOND", "9", "HOME", "/root");
        Map<String, String> cli = new HashMap<>();
        cli.put("port", "0");
        cli.put("db.url", null);
        ServerConfig c = ServerConfig.load(f, env, cli);
        assertThat(c.port).isZero();
        assertThat(c.dbUrl).isEqualTo("jdbc:postgresql://env/db");
        assertThat(c.ratePerSecond).isEqualTo(9);
        assertThat(c.holdDefaultMinutes).isEqualTo(12);
        assertThat(c.effectiveDbUrl()).isEqualTo("jdbc:postgresql://env/db");
    }

    @Test
    void defaultsToH2FileInTheDataDir() {
        ServerConfig c = ServerConfig.of(Map.of("data", dir.toString()));
        assertThat(c.effectiveDbUrl())
                .startsWith("jdbc:h2:file:" + dir.resolve("scenicpass"))
                .contains("MODE=PostgreSQL");
        assertThat(c.keysDir()).isEqualTo(dir.resolve("keys"));
    }

    @Test
    void theInFlightBoundFollowsTheThreadsUnlessSet() {
        ServerConfig byDefault = ServerConfig.load(null, Map.of("SCENICPASS_HTTP_MAX_THREADS", "40"), Map.of());
        assertThat(byDefault.httpMaxInFlight).isEqualTo(40);
        assertThat(byDefault.httpMaxWait).isEqualTo(java.time.Duration.ofSeconds(30));
        ServerConfig set = ServerConfig.load(
                null, Map.of("SCENICPASS_HTTP_MAX_IN_FLIGHT", "64", "SCENICPASS_HTTP_MAX_WAIT_SECONDS", "5"), Map.of());
        assertThat(set.httpMaxInFlight).isEqualTo(64);
        assertThat(set.httpMaxWait).isEqualTo(java.time.Duration.ofSeconds(5));
    }

    @Test
    void thePublicUrlIsAnHttpUrlFromConfigOrEnvironment() {
        assertThat(ServerConfig.of(Map.of()).publicUrl).isNull();
        assertThat(ServerConfig.load(null, Map.of("SCENICPASS_PUBLIC_URL", "https://tickets.example.com/"), Map.of())
                        .publicUrl)
                .isEqualTo("https://tickets.example.com");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("http.publicUrl", "javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.publicUrl");
    }

    @Test
    void badNumbersAreAClearError() {
        assertThatThrownBy(() -> ServerConfig.of(Map.of("port", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad number");
    }
}
