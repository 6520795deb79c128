package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.config.LocalSecrets;
import io.scenicpass.server.config.SecureFiles;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.demo.DemoSeeder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The data directory's secrets are the owner's only: a real server (no admin token, no passphrase configured, so both
 * are generated) plus the demo seed create every file 0600 and every directory 0700 whatever the JVM's umask; an
 * existing secret open to group or others stops the start with one line naming it and the chmod that fixes it.
 */
class FilePermissionsTest {
    @TempDir
    Path tmp;

    Path data;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file permissions");
        data = tmp.resolve("data"); // created by the server
    }

    private ScenicPassServer start() {
        return ScenicPassServer.builder(
                        ServerConfig.of(Map.of("port", "0", "data", data.toString(), "flow.demoHistoryDays", "0")))
                .withoutJobs()
                .build()
                .start();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void everyCreatedSecretIsOwnerOnly() throws IOException {
        try (ScenicPassServer s = start()) {
            new DemoSeeder(s).seed();
            s.keys().rotate(); // a second issuer key file, written after start-up
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("keys"))).isEqualTo("rwx------");
        for (String f : List.of("admin-token", "demo.json", "scenicpass.mv.db", "keys/passphrase", "keys/root.pem")) {
            assertThat(mode(data.resolve(f))).as(f).isEqualTo("rw-------");
        }
        try (Stream<Path> all = Files.walk(data)) {
            List<Path> files = all.toList();
            assertThat(files)
                    .filteredOn(p -> p.getFileName().toString().startsWith("issuer-"))
                    .hasSize(2);
            for (Path p : files) {
                assertThat(mode(p)).as(data.relativize(p).toString()).matches("rw[x-]------");
            }
        }
    }

    @Test
    void aPassphraseReadableByOthersStopsTheStartWithTheChmodThatFixesIt() throws IOException {
        start().close();
        Path passphrase = data.resolve("keys").resolve("passphrase");
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(this::start)
                .isInstanceOf(SecureFiles.ExposedException.class)
                .hasMessageContaining(passphrase + " (rw-r--r--)")
                .hasMessageContaining("chmod 600 " + passphrase);

        // through the command line: one line on stderr, exit code 1
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = io.scenicpass.server.Main.execute(
                new PrintStream(err, true, StandardCharsets.UTF_8), "serve", "--port", "0", "--data", data.toString());
        String out = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(out.strip())
                .doesNotContain("\n")
                .startsWith("error: refusing to start")
                .contains("chmod 600 " + passphrase);

        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
        start().close(); // fixed as the message says: starts
    }

    @Test
    void openDirectoriesAndAnOpenDatabaseStopTheStartToo() throws IOException {
        start().close();
        Path keys = data.resolve("keys");
        Path db = data.resolve("scenicpass.mv.db");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(this::start)
                .isInstanceOf(SecureFiles.ExposedException.class)
                .hasMessageContaining("chmod 700 " + keys)
                .hasMessageContaining("chmod 600 " + db);
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
        assertThatThrownBy(this::start)
                .isInstanceOf(SecureFiles.ExposedException.class)
                .hasMessageContaining("chmod 700 " + data);
    }

    @Test
    void withoutAnAdminTokenTheStartSaysSoLoudly() {
        Logger log = (Logger) LoggerFactory.getLogger(LocalSecrets.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        try (ScenicPassServer s = start()) {
            String token = s.adminToken();
            assertThat(events.list)
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m)
                            .contains("admin.token (SCENICPASS_ADMIN_TOKEN) is not set")
                            .contains("generated now into " + data.resolve("admin-token"))
                            .doesNotContain(token));
        } finally {
            log.detachAppender(events);
        }
    }
}
