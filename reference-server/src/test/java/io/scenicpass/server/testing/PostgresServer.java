package io.scenicpass.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 15 server for tests: {@code initdb} + {@code pg_ctl} in a temp directory on a free port,
 * run as the {@code postgres} user via {@code runuser} when we are root, with {@code fsync=off}.
 * One instance per JVM (started on first use, stopped by a shutdown hook); each test gets a fresh database.
 *
 * <p>Diagnostics: the system property {@value #SETTINGS_PROPERTY} adds server settings, {@code name=value} pairs
 * separated by {@code ;} (e.g. {@code shared_preload_libraries=auto_explain;auto_explain.log_min_duration=0}), and
 * {@value #KEEP_PROPERTY}{@code =true} keeps the directory (with {@code log.txt}) after the JVM exits.
 * {@value #DIR_PROPERTY} names the directory to use instead of a temp one: a server already initialised there is
 * started again with its databases (a benchmark's generated data kept between runs), and the directory is kept.
 */
public final class PostgresServer {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static PostgresServer instance;
    private static final AtomicInteger DB_COUNTER = new AtomicInteger();
    /** System property with extra server settings, {@code name=value;name=value}. */
    public static final String SETTINGS_PROPERTY = "scenicpass.pg.settings";
    /** System property: {@code true} keeps the data directory and server log when the server stops. */
    public static final String KEEP_PROPERTY = "scenicpass.pg.keep";
    /** System property: the server's directory, kept between runs (default: a new temp directory, deleted). */
    public static final String DIR_PROPERTY = "scenicpass.pg.dir";

    private final Path dir;
    private final int port;

    private PostgresServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** True when the PostgreSQL binaries are installed. */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    /**
     * Skips the calling test (a JUnit assumption) when the PostgreSQL binaries are missing, saying so loudly on stderr
     * first: {@code what} names what is skipped.
     */
    public static void assumeAvailable(String what) {
        if (!available()) {
            System.err.println("!!! PostgreSQL 15 binaries missing in " + BIN + ": SKIPPING " + what);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(available(), "PostgreSQL not installed");
    }

    /** The shared server, started on first call. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private static PostgresServer start() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            String named = System.getProperty(DIR_PROPERTY, "");
            Path dir = named.isBlank()
                    ? Files.createTempDirectory("scenicpass-pg")
                    : Files.createDirectories(Path.of(named).toAbsolutePath());
            Path data = dir.resolve("data");
            boolean initialised = Files.exists(data.resolve("PG_VERSION"));
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
                run(List.of("chmod", "700", dir.toString()));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            if (!initialised) {
                run(asUser(
                        root,
                        List.of(
                                BIN.resolve("initdb").toString(),
                                "-D",
                                data.toString(),
                                "-U",
                                "postgres",
                                "-A",
                                "trust",
                                "-E",
                                "UTF8",
                                "--no-locale")));
            }
            run(asUser(
                    root,
                    List.of(
                            BIN.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-l",
                            dir.resolve("log.txt").toString(),
                            "-w",
                            "-t",
                            "60",
                            "-o",
                            "-p " + port
                                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                                    + " -k " + dir + " -c listen_addresses=127.0.0.1" + extraSettings(),
                            "start")));
            if (!System.getProperty(SETTINGS_PROPERTY, "").isBlank()) {
                System.err.println("[PostgresServer] " + dir + " (log.txt) with extra settings:" + extraSettings());
            }
            PostgresServer pg = new PostgresServer(dir, port);
            pg.awaitReady();
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The {@value #SETTINGS_PROPERTY} settings as {@code -c} options (empty when unset). */
    private static String extraSettings() {
        StringBuilder out = new StringBuilder();
        for (String kv : System.getProperty(SETTINGS_PROPERTY, "").split(";")) {
            if (!kv.isBlank()) {
                if (!kv.contains("=") || kv.contains(" ") || kv.contains("'") || kv.contains("\"")) {
                    throw new IllegalArgumentException(
                            SETTINGS_PROPERTY + ": expected name=value without spaces: " + kv);
                }
                out.append(" -c ").append(kv.trim());
            }
        }
        return out.toString();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "")) {
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not accept connections", e);
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Creates a fresh empty database and returns its JDBC URL (user postgres, no password). */
    public String newDatabase() {
        String name = "sp_test_" + DB_COUNTER.incrementAndGet() + "_"
                + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database", e);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** The JDBC URL of database {@code name} (user postgres), created first when it does not exist. */
    public String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("database name: lower-case letters, digits and _: " + name);
        }
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
                Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database", e);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    private String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void stop() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asUser(
                    root,
                    List.of(
                            BIN.resolve("pg_ctl").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-m",
                            System.getProperty(DIR_PROPERTY, "").isBlank() ? "immediate" : "fast",
                            "-w",
                            "stop")));
            if (Boolean.getBoolean(KEEP_PROPERTY)
                    || !System.getProperty(DIR_PROPERTY, "").isBlank()) {
                System.err.println("[PostgresServer] kept " + dir);
            } else {
                run(List.of("rm", "-rf", dir.toString()));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop test PostgreSQL in " + dir + ": " + e.getMessage());
        }
    }

    private static List<String> asUser(boolean root, List<String> cmd) {
        if (!root) {
            return cmd;
        }
        List<String> out = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        out.addAll(cmd);
        return out;
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("command failed: " + String.join(" ", cmd) + "\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
