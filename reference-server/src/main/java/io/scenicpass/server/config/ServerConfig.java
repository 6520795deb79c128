package io.scenicpass.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The one typed configuration object, read once at start-up.
 *
 * <p>Precedence (later wins): built-in defaults, the properties file ({@code --config}), environment
 * variables ({@code SCENICPASS_*}), command-line options. Property names and their environment twins:
 * {@code host}/{@code SCENICPASS_HOST}, {@code port}/{@code SCENICPASS_PORT}, {@code data}/{@code SCENICPASS_DATA},
 * {@code db.url}/{@code SCENICPASS_DB_URL}, {@code db.user}/{@code SCENICPASS_DB_USER},
 * {@code db.password}/{@code SCENICPASS_DB_PASSWORD}, {@code db.poolSize}/{@code SCENICPASS_DB_POOL_SIZE},
 * {@code db.poolTimeoutMillis} (how long a request waits for a connection before 503 busy; default 30000),
 * {@code db.strictNesting} (debug check, on in the tests: a second connection taken by a thread that holds one
 * fails loudly; default false: it reuses the thread's connection),
 * {@code keys.passphrase}/{@code SCENICPASS_KEY_PASSPHRASE}, {@code admin.token}/{@code SCENICPASS_ADMIN_TOKEN},
 * {@code console.admin.login}/{@code SCENICPASS_CONSOLE_ADMIN_LOGIN} and
 * {@code console.admin.password}/{@code SCENICPASS_CONSOLE_ADMIN_PASSWORD} (the console's first administrator),
 * {@code hold.defaultMinutes}, {@code hold.maxMinutes}, {@code http.maxBodyBytes},
 * {@code rate.perSecond}, {@code rate.burst}, {@code slots.horizonDays}, {@code jobs.intervalSeconds},
 * {@code area.id}, {@code area.name}, {@code area.email}, {@code area.telephone}, {@code area.address} (the OCTO
 * supplier's contact; default none), the cluster settings {@code node.id} (this node's name in job leases; default
 * a random one per start), {@code jobs.leaseSeconds} (how long a singleton job's lease lasts without renewal;
 * default 3 × the job interval), {@code push.pollMillis} (the push hub's safety-net poll of the revocation and
 * blacklist logs; default 1000), {@code availability.cacheMillis} (how long an availability answer may be reused:
 * bounds how late other nodes' changes show up; default 1000, 0 disables), {@code http.virtualThreads} ({@code on},
 * {@code off} or {@code auto}: Jetty request handling on virtual threads with Java 21+; default off),
 * {@code http.maxThreads} (Jetty's platform threads; default 250), {@code http.maxInFlight} (requests worked on at
 * once; more wait without a thread, in arrival order; default {@code http.maxThreads}), {@code http.maxWaitSeconds}
 * (a request that waited this long for its turn is answered 503; default 30), {@code http.acceptQueue} (listen
 * backlog; default 4096, capped by the kernel's {@code net.core.somaxconn}), {@code http.publicUrl} (the server's
 * URL as clients reach it, e.g. {@code https://tickets.example.com}: the OCTO supplier's {@code endpoint}; default
 * {@code http://<host>:<port>}, never the request's Host header; env {@code SCENICPASS_PUBLIC_URL}),
 * {@code auth.maxFailures} and {@code auth.failureWindowSeconds} (refused credentials a client address may make in a
 * window before it is answered 429; default 20 per 60 s), {@code webhooks.allowPrivateTargets} (webhooks and the
 * alert notifier may target loopback/private addresses; default false), {@code identity.retentionDays} (days a
 * visitor's identity document is kept after the visit date; default 30),
 * {@code terminal.onlineCheckMillis} (how long a
 * gate waits for the online claim before it decides offline, sent in the device config; default 300), and the
 * {@code invoices.*} and {@code mail.*} properties of the invoices ({@code InvoiceSettings}), and the
 * {@code flow.*} properties of the flow side ({@code SCENICPASS_FLOW_NOTIFIER_URL} → {@code flow.notifier.url}; see
 * {@code FlowConfig}).
 */
public final class ServerConfig {
    /** File name of the embedded H2 database in the data directory ({@code scenicpass.mv.db}). */
    public static final String H2_NAME = "scenicpass";

    public final String host;
    public final int port;
    public final Path dataDir;
    /** JDBC URL; null means the embedded H2 file database under {@link #dataDir}. */
    public final String dbUrl;

    public final String dbUser;
    public final String dbPassword;
    public final int dbPoolSize;
    /** How long a request waits for a free database connection before it is answered 503 busy. */
    public final long dbPoolTimeoutMillis;
    /** Debug check (on in the tests): a thread asking for a second connection while holding one fails loudly. */
    public final boolean dbStrictNesting;
    /** Passphrase of the encrypted key files; null means "generate one and store it in the data dir". */
    public final String keyPassphrase;
    /** Admin bearer token; null means "generate one and store it in the data dir". */
    public final String adminToken;
    /** The console's first administrator (created at start when there is no operator): login and password. */
    public final String consoleAdminLogin;

    public final String consoleAdminPassword;

    public final int holdDefaultMinutes;
    public final int holdMaxMinutes;
    public final long maxBodyBytes;
    public final int ratePerSecond;
    public final int rateBurst;
    public final int slotHorizonDays;
    public final Duration jobInterval;
    public final String areaId;
    public final String areaName;
    /** The area's contact as OCTO's supplier shows it ({@code area.email}, {@code area.telephone}, {@code area.address}); null when not set. */
    public final String areaEmail;

    public final String areaTelephone;
    public final String areaAddress;
    /** This node's name in job leases (several nodes on one PostgreSQL). */
    public final String nodeId;
    /** How long a singleton job's lease lasts without renewal (another node takes over after it). */
    public final Duration jobLease;
    /** How often the push hub polls the revocation and blacklist logs (a safety net under LISTEN/NOTIFY). */
    public final Duration pushPoll;
    /** How long a gate waits for the online claim before it decides offline (sent in the device config). */
    public final Duration onlineCheckBudget;
    /** How long an availability answer may be reused (zero: not cached). */
    public final Duration availabilityCache;
    /** {@code on}, {@code off} or {@code auto}: request handling on virtual threads (Java 21+ only). */
    public final String httpVirtualThreads;
    /** Jetty's platform threads at most. */
    public final int httpMaxThreads;
    /** Listen backlog: connections the kernel queues before Jetty accepts them. */
    public final int httpAcceptQueue;
    /** Requests worked on at once; more wait for their turn without holding a thread ({@code InFlightLimit}). */
    public final int httpMaxInFlight;
    /** How long a request may wait for its turn before it is answered 503. */
    public final Duration httpMaxWait;
    /** The server's URL as clients reach it (no trailing slash); null: {@code http://<host>:<port>}. */
    public final String publicUrl;
    /** Refused credentials (API keys, admin or device tokens) one client address may make per window. */
    public final int authMaxFailures;
    /** The window of {@link #authMaxFailures}. */
    public final Duration authFailureWindow;
    /** Webhook and notifier URLs may point at loopback, private or link-local addresses (off: public only). */
    public final boolean webhooksAllowPrivateTargets;
    /** Days a visitor's identity document is kept after the visit date, then erased (issue 14; 0: the day after). */
    public final int identityRetentionDays;

    /** The {@code flow.*} properties (flow, forecast and alerts; see {@code FlowConfig}), as given. */
    public final Map<String, String> flow;
    /** The {@code invoices.*} and {@code mail.*} properties (see {@code invoices/InvoiceSettings}), as given. */
    public final Map<String, String> invoices;
    /**
     * The {@code shop.*}, {@code console.*}, {@code sms.*}, {@code messages.*}, {@code web.*} and {@code visitors.*}
     * properties (the visitors' shop, the operator console, messages to visitors, the visitor hub), as given; each
     * feature reads its own.
     */
    public final Map<String, String> web;

    private ServerConfig(Properties p) {
        host = p.getProperty("host", "127.0.0.1");
        port = Integer.parseInt(p.getProperty("port", "8080"));
        dataDir = Path.of(p.getProperty("data", "data")).toAbsolutePath().normalize();
        dbUrl = blankToNull(p.getProperty("db.url"));
        dbUser = p.getProperty("db.user", dbUrl == null ? "sa" : "");
        dbPassword = p.getProperty("db.password", "");
        dbPoolSize = Integer.parseInt(p.getProperty("db.poolSize", "16"));
        dbPoolTimeoutMillis = Long.parseLong(p.getProperty("db.poolTimeoutMillis", "30000"));
        dbStrictNesting = Boolean.parseBoolean(p.getProperty("db.strictNesting", "false"));
        keyPassphrase = blankToNull(p.getProperty("keys.passphrase"));
        adminToken = blankToNull(p.getProperty("admin.token"));
        consoleAdminLogin = p.getProperty("console.admin.login", "admin");
        consoleAdminPassword = blankToNull(p.getProperty("console.admin.password"));
        holdDefaultMinutes = Integer.parseInt(p.getProperty("hold.defaultMinutes", "30"));
        holdMaxMinutes = Integer.parseInt(p.getProperty("hold.maxMinutes", "1440"));
        maxBodyBytes = Long.parseLong(p.getProperty("http.maxBodyBytes", "1048576"));
        ratePerSecond = Integer.parseInt(p.getProperty("rate.perSecond", "50"));
        rateBurst = Integer.parseInt(p.getProperty("rate.burst", "100"));
        slotHorizonDays = Integer.parseInt(p.getProperty("slots.horizonDays", "90"));
        jobInterval = Duration.ofSeconds(Long.parseLong(p.getProperty("jobs.intervalSeconds", "5")));
        areaId = p.getProperty("area.id", "area-1");
        areaName = p.getProperty("area.name", "ScenicPass scenic area");
        areaEmail = blankToNull(p.getProperty("area.email"));
        areaTelephone = blankToNull(p.getProperty("area.telephone"));
        areaAddress = blankToNull(p.getProperty("area.address"));
        nodeId = p.getProperty(
                "node.id", "node-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        jobLease = Duration.ofSeconds(
                Long.parseLong(p.getProperty("jobs.leaseSeconds", Long.toString(3 * jobInterval.getSeconds()))));
        pushPoll = Duration.ofMillis(Long.parseLong(p.getProperty("push.pollMillis", "1000")));
        onlineCheckBudget = Duration.ofMillis(Long.parseLong(p.getProperty("terminal.onlineCheckMillis", "300")));
        if (onlineCheckBudget.toMillis() < 1 || onlineCheckBudget.toMillis() > 10_000) {
            throw new IllegalArgumentException(
                    "terminal.onlineCheckMillis must be 1..10000 (milliseconds), not " + onlineCheckBudget.toMillis());
        }
        availabilityCache = Duration.ofMillis(Long.parseLong(p.getProperty("availability.cacheMillis", "1000")));
        httpVirtualThreads = p.getProperty("http.virtualThreads", "off");
        httpMaxThreads = Integer.parseInt(p.getProperty("http.maxThreads", "250"));
        httpAcceptQueue = Integer.parseInt(p.getProperty("http.acceptQueue", "4096"));
        httpMaxInFlight = Integer.parseInt(p.getProperty("http.maxInFlight", Integer.toString(httpMaxThreads)));
        httpMaxWait = Duration.ofSeconds(Long.parseLong(p.getProperty("http.maxWaitSeconds", "30")));
        authMaxFailures = Integer.parseInt(p.getProperty("auth.maxFailures", "20"));
        authFailureWindow = Duration.ofSeconds(Long.parseLong(p.getProperty("auth.failureWindowSeconds", "60")));
        String url = blankToNull(p.getProperty("http.publicUrl"));
        if (url != null && !url.trim().matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException(
                    "http.publicUrl must be an http(s) URL such as https://tickets.example.com, not " + url);
        }
        publicUrl = url == null ? null : url.trim().replaceAll("/+$", "");
        webhooksAllowPrivateTargets =
                bool(p.getProperty("webhooks.allowPrivateTargets", "false"), "webhooks.allowPrivateTargets");
        identityRetentionDays = Integer.parseInt(p.getProperty("identity.retentionDays", "30"));
        Map<String, String> f = new java.util.TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("flow.")) {
                f.put(k, p.getProperty(k));
            }
        }
        flow = java.util.Collections.unmodifiableMap(f);
        Map<String, String> inv = new java.util.TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("invoices.") || k.startsWith("mail.")) {
                inv.put(k, p.getProperty(k));
            }
        }
        invoices = java.util.Collections.unmodifiableMap(inv);
        Map<String, String> w = new java.util.TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("shop.")
                    || k.startsWith("console.")
                    || k.startsWith("sms.")
                    || k.startsWith("messages.")
                    || k.startsWith("web.")
                    || k.startsWith("visitors.")) {
                w.put(k, p.getProperty(k));
            }
        }
        web = java.util.Collections.unmodifiableMap(w);
    }

    /** The JDBC URL actually used (the H2 file database when none is configured). */
    public String effectiveDbUrl() {
        if (dbUrl != null) {
            return dbUrl;
        }
        return "jdbc:h2:file:" + dataDir.resolve(H2_NAME).toString().replace('\\', '/')
                // WRITE_DELAY=0: a commit is on disk before we answer, so an acknowledged booking or entry survives
                // kill -9;
                // LOCK_TIMEOUT=1000: one round of a row-lock wait, Database retries it up to 20 s (store.H2LockWaits)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=1000;WRITE_DELAY=0";
    }

    /** Directory of the encrypted issuer key files. */
    public Path keysDir() {
        return dataDir.resolve("keys");
    }

    /** Builder-style loader: defaults, file, environment, then explicit overrides (null values ignored). */
    public static ServerConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Properties p = new Properties();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("SCENICPASS_") && e.getValue() != null) {
                p.setProperty(envToProperty(e.getKey()), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (e.getValue() != null) {
                p.setProperty(e.getKey(), e.getValue());
            }
        }
        try {
            return new ServerConfig(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in configuration: " + e.getMessage(), e);
        }
    }

    /** Defaults plus the given overrides only (tests). */
    public static ServerConfig of(Map<String, String> overrides) {
        return load(null, Map.of(), overrides);
    }

    static String envToProperty(String env) {
        String rest = env.substring("SCENICPASS_".length()).toLowerCase(java.util.Locale.ROOT);
        switch (rest) {
            case "db_url":
                return "db.url";
            case "db_user":
                return "db.user";
            case "db_password":
                return "db.password";
            case "db_pool_size":
                return "db.poolSize";
            case "db_pool_timeout_millis":
                return "db.poolTimeoutMillis";
            case "db_strict_nesting":
                return "db.strictNesting";
            case "key_passphrase":
                return "keys.passphrase";
            case "admin_token":
                return "admin.token";
            case "max_body_bytes":
                return "http.maxBodyBytes";
            case "hold_default_minutes":
                return "hold.defaultMinutes";
            case "hold_max_minutes":
                return "hold.maxMinutes";
            case "slots_horizon_days":
                return "slots.horizonDays";
            case "jobs_interval_seconds":
                return "jobs.intervalSeconds";
            case "jobs_lease_seconds":
                return "jobs.leaseSeconds";
            case "push_poll_millis":
                return "push.pollMillis";
            case "terminal_online_check_millis":
                return "terminal.onlineCheckMillis";
            case "rate_per_second":
                return "rate.perSecond";
            case "rate_burst":
                return "rate.burst";
            case "availability_cache_millis":
                return "availability.cacheMillis";
            case "http_virtual_threads":
                return "http.virtualThreads";
            case "http_max_threads":
                return "http.maxThreads";
            case "http_accept_queue":
                return "http.acceptQueue";
            case "http_max_in_flight":
                return "http.maxInFlight";
            case "http_max_wait_seconds":
                return "http.maxWaitSeconds";
            case "public_url":
                return "http.publicUrl";
            case "auth_max_failures":
                return "auth.maxFailures";
            case "auth_failure_window_seconds":
                return "auth.failureWindowSeconds";
            case "webhooks_allow_private_targets":
                return "webhooks.allowPrivateTargets";
            case "identity_retention_days":
                return "identity.retentionDays";
            default:
                return rest.replace('_', '.');
        }
    }

    private static boolean bool(String v, String name) {
        switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false, not '" + v + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
