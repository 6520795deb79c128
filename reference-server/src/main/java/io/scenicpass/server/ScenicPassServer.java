package io.scenicpass.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.scenicpass.core.Ids;
import io.scenicpass.server.adapters.AdaptersModule;
import io.scenicpass.server.admin.AdminModule;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.ChannelsModule;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.WebhookTargets;
import io.scenicpass.server.cluster.ClusterBus;
import io.scenicpass.server.cluster.ClusterModule;
import io.scenicpass.server.cluster.JobLeases;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.config.SecureFiles;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.counter.CounterModule;
import io.scenicpass.server.counter.pickup.PickupModule;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.RunMarker;
import io.scenicpass.server.flow.FlowConfig;
import io.scenicpass.server.flow.FlowModule;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.http.AuthThrottle;
import io.scenicpass.server.http.HttpServer;
import io.scenicpass.server.http.InFlightLimit;
import io.scenicpass.server.http.JettyThreads;
import io.scenicpass.server.http.MetricsApi;
import io.scenicpass.server.invoices.InvoicesModule;
import io.scenicpass.server.keys.Delegations;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.keys.KeysModule;
import io.scenicpass.server.keys.http.DelegationApi;
import io.scenicpass.server.payments.PaymentsModule;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.PassQueries;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.sales.store.InventoryAudit;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.server.terminal.EntryService;
import io.scenicpass.server.terminal.PushHub;
import io.scenicpass.server.terminal.SyncFeedService;
import io.scenicpass.server.terminal.TerminalModule;
import io.scenicpass.server.terminal.http.TerminalApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: composes the feature modules (keys, channels, sales, admin, flow, cluster, terminal) from
 * one {@link ServerConfig}.
 * {@code ScenicPassServer.builder(config).clock(clock).build().start()}.
 */
public final class ScenicPassServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScenicPassServer.class);

    private final ServerConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final boolean runJobs;
    private final boolean readyOnStart;
    private final AtomicBoolean ready = new AtomicBoolean();
    private Database db;
    private Javalin app;
    private ScheduledExecutorService pushJobs;
    private Jobs jobs;
    private Platform platform;
    private KeysModule keys;
    private ChannelsModule channels;
    private SalesModule sales;
    private AdminModule admin;
    private AdaptersModule adapters;
    private FlowModule flow;
    private ClusterModule cluster;
    private TerminalModule terminal;
    private io.scenicpass.server.face.FaceModule face;
    private PaymentsModule payments;
    private CounterModule counter;
    private io.scenicpass.server.shop.checkout.CheckoutModule shopBook;
    private io.scenicpass.server.counter.offline.OfflineModule offline;
    private Delegations delegations;
    private io.scenicpass.server.counter.boxoffice.BoxOfficeModule boxOffice;
    private PickupModule pickup;
    private InvoicesModule invoices;
    private io.scenicpass.server.messages.MessagesModule messages;
    private io.scenicpass.server.park.ParkModule park;
    private io.scenicpass.server.reports.ReportsModule reports;
    private io.scenicpass.server.measures.MeasuresModule measures;
    private io.scenicpass.server.web.WebModule web;
    private io.scenicpass.server.shop.ShopModule shop;
    private io.scenicpass.server.console.ConsoleModule console;
    private io.scenicpass.server.shop.tickets.TicketsModule tickets;
    private io.scenicpass.server.shop.waitlist.WaitlistModule waitlist;
    private io.scenicpass.server.offers.OffersModule offers;
    private io.scenicpass.server.packages.PackagesModule packages;
    private io.scenicpass.server.passes.PassesModule passes;
    private io.scenicpass.server.visitors.VisitorsModule visitors;
    /** Counter rows that disagreed with the bookings when this server started (logged; see {@link #start}). */
    private List<InventoryAudit.Drift> driftAtStart = List.of();
    /** Present while this server runs: its absence at the next start proves a clean stop. */
    private RunMarker runMarker;

    private ScenicPassServer(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.runJobs = b.runJobs;
        this.readyOnStart = b.readyOnStart;
    }

    public static Builder builder(ServerConfig config) {
        return new Builder(config);
    }

    /** Builder: config is required; the clock defaults to UTC system time; jobs run unless disabled. */
    public static final class Builder {
        private final ServerConfig config;
        private Clock clock = Clock.systemUTC();
        private boolean runJobs = true;
        private boolean readyOnStart = true;

        private Builder(ServerConfig config) {
            this.config = config;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Disables the background jobs (hold expiry, webhook delivery): tests drive them by hand. */
        public Builder withoutJobs() {
            this.runJobs = false;
            return this;
        }

        /** {@code /health} answers 503 until {@link ScenicPassServer#markReady()} (e.g. after the demo seed). */
        public Builder deferReady() {
            this.readyOnStart = false;
            return this;
        }

        public ScenicPassServer build() {
            return new ScenicPassServer(this);
        }
    }

    /** Opens the database, migrates, composes the feature modules and starts HTTP (and the jobs). */
    public ScenicPassServer start() {
        // owner-only data directory; refuse to run on secrets other users can read (or could have replaced)
        SecureFiles.ownerOnlyDirectory(config.dataDir);
        SecureFiles.requireOwnerOnly(SecureFiles.secretsOf(config.dataDir, ServerConfig.H2_NAME));
        runMarker = RunMarker.claim(config.dataDir);
        db = new Database(
                config.effectiveDbUrl(),
                config.dbUser,
                config.dbPassword,
                config.dbPoolSize,
                config.dbPoolTimeoutMillis,
                config.dbStrictNesting);
        SecureFiles.restrict(
                SecureFiles.h2Files(config.dataDir, ServerConfig.H2_NAME)); // H2 created them with the umask
        platform = new Platform(config, clock, random, new Ids(clock, random), db, jsonMapper(), new MetricsApi());
        keys = new KeysModule(platform, passphrase());
        WebhookTargets targets = new WebhookTargets(config.webhooksAllowPrivateTargets);
        channels = new ChannelsModule(platform, targets);
        sales = new SalesModule(
                platform, keys.keys, channels, () -> config.publicUrl != null ? config.publicUrl : baseUrl());
        admin = new AdminModule(platform, sales, channels, keys.keys);
        passes = io.scenicpass.server.passes.PassesModule.compose(platform, sales); // pass terms shape issuance
        adapters = new AdaptersModule(platform, sales, channels, admin.admin);
        // after a clean stop logged, not fixed: the operator's decision (repair-inventory, POST .../inventory/repair);
        // after an unclean stop of H2 repaired now: H2 may keep part of a transaction in flight at the crash
        driftAtStart = sales.inventory.repair().atStart(runMarker.uncleanStop() && !db.isPostgres());
        initAdminToken();
        flow = new FlowModule(db, clock, FlowConfig.of(config.flow), targets);
        cluster = new ClusterModule(platform);
        terminal = new TerminalModule(platform, keys.keys, channels, admin.admin, cluster);
        flow.pushTo(terminal.push);
        face = io.scenicpass.server.face.FaceModule.compose(
                platform, terminal, passes, sales.identity.keys, keys.keys, admin.admin);
        payments = new PaymentsModule(platform);
        counter = new CounterModule(platform, sales, channels.channels, payments, terminal.devices);
        shopBook = new io.scenicpass.server.shop.checkout.CheckoutModule(platform, sales, channels.channels, payments);
        offline = new io.scenicpass.server.counter.offline.OfflineModule(platform, sales, counter, keys.keys);
        delegations = new Delegations(
                db,
                keys.keys,
                () -> sales.catalogue.products(null).stream()
                        .collect(java.util.stream.Collectors.toMap(
                                v -> v.product().id(),
                                v -> java.time.ZoneId.of(v.product().timeZone()))),
                clock);
        boxOffice = new io.scenicpass.server.counter.boxoffice.BoxOfficeModule(
                platform, counter, sales.passCancellation, payments.payments, admin.admin);
        pickup = new PickupModule(platform, sales.identity.identities, counter.auth, admin.admin);
        invoices = new InvoicesModule(
                platform, sales.identity.keys, () -> config.publicUrl != null ? config.publicUrl : baseUrl());
        counter.invoiceLinks(invoices.links::forBooking);
        reports = new io.scenicpass.server.reports.ReportsModule(platform, boxOffice, admin.admin);
        web = new io.scenicpass.server.web.WebModule(platform);
        messages = new io.scenicpass.server.messages.MessagesModule(
                platform, sales.identity.keys, channels.webhooks, this::visitorUrl);
        shop = new io.scenicpass.server.shop.ShopModule(platform, web, sales.identity.keys, messages.codes);
        io.scenicpass.server.flow.http.DashboardApi dashboard =
                flow.dashboard(platform, admin.admin).with("counter", counter.report::today);
        dashboard.with("measures", () -> measures.measures.today());
        console = new io.scenicpass.server.console.ConsoleModule(
                platform, admin.admin, sales.identity.keys, web.sessions, dashboard);
        // the visitors' shop: sign-in (shop), messages, checkout, tickets, the waiting list, the park's page
        shopBook.withShop(shop);
        park = new io.scenicpass.server.park.ParkModule(platform, flow, messages.messages);
        // the home page asks for today's (day null): the park's day, in its zone
        shopBook.notices((day, lang) -> park.notices.current(day != null ? day : flow.flow.today()).stream()
                .map(n -> n.title(lang) + ": " + n.body(lang))
                .toList());
        tickets =
                new io.scenicpass.server.shop.tickets.TicketsModule(platform, sales, payments.payments, shopBook, shop);
        waitlist = new io.scenicpass.server.shop.waitlist.WaitlistModule(
                platform,
                sales,
                shopBook.channel::get,
                shopBook.checkout,
                messages.messages,
                id -> shop.accounts.visitor(id).map(v -> v.masked()).orElse(null));
        packages = new io.scenicpass.server.packages.PackagesModule(
                platform, sales, reports.reports, admin.admin, console.pages);
        visitors = io.scenicpass.server.visitors.VisitorsModule.compose(platform, sales.identity.keys, flow.config);
        offers = new io.scenicpass.server.offers.OffersModule(
                platform,
                sales.bookings,
                messages.messages,
                FlowConfig.of(config.flow).zone());
        offers.hub(new io.scenicpass.server.offers.Hub(visitors.directory(), visitors.segments(), visitors.events()));
        measures = new io.scenicpass.server.measures.MeasuresModule(platform, admin.admin, visitors.segments());
        FlowStore flowStore = new FlowStore();
        MetricsApi metrics = platform.metrics();
        metrics.gauge(
                "scenicpass.entries.ingested",
                "entry events received from terminals",
                () -> db.read(flowStore::entriesIngested));
        metrics.gauge(
                "scenicpass.sync.lag.seconds",
                "longest time since a live device last contacted the server",
                () -> db.read(c -> flowStore.maxSyncLagMillis(c, clock.instant())) / 1000.0);
        InFlightLimit inFlight = new InFlightLimit(config.httpMaxInFlight, config.httpMaxWait, TerminalApi.EVENTS);
        metrics.gauge(
                "scenicpass.http.waiting",
                "requests waiting for their turn (http.maxInFlight reached)",
                inFlight::waiting);
        metrics.gauge(
                "scenicpass.http.wait_expired",
                "requests answered 503 after waiting http.maxWaitSeconds",
                inFlight::expired);
        app = HttpServer.create(
                JettyThreads.pool(JettyThreads.Mode.parse(config.httpVirtualThreads), config.httpMaxThreads),
                config.httpAcceptQueue,
                inFlight,
                new AuthThrottle(config.authMaxFailures, config.authFailureWindow, clock),
                platform.json(),
                config.maxBodyBytes,
                sales.api,
                admin.api,
                ready::get,
                metrics::register,
                dashboard::register,
                terminal.api::register,
                face::register,
                sales.identity.api(admin.admin, sales.catalogue)::register,
                sales.content.api(admin.admin)::register,
                sales.questions.api(admin.admin)::register,
                payments.api(admin.admin)::register,
                counter.api::register,
                counter.adminApi(admin.admin)::register,
                offline.api(admin.admin)::register,
                new DelegationApi(delegations, terminal.devices, admin.admin, clock)::register,
                adapters.ctrip::register,
                boxOffice.api::register,
                pickup.api::register,
                invoices.api(admin.admin)::register,
                invoices.page()::register,
                invoices.counterApi(counter)::register,
                reports.api::register,
                measures.api::register,
                web::register,
                shop::register,
                console::register,
                shopBook::register,
                park.adminApi(admin.admin)::register,
                park.api()::register,
                park.page(shop.pages)::register,
                tickets::register,
                io.scenicpass.server.shop.activation.ActivationModule.compose(
                        platform, shop, shopBook, tickets, passes, face)::register,
                messages.pages(shop.pages).withConsent(visitors.shopConsent())::register,
                new io.scenicpass.server.console.pages.PagesModule(
                        console.pages,
                        sales,
                        terminal.devices,
                        terminal.entries,
                        reports.reports,
                        admin.admin,
                        clock,
                        db,
                        channels.channels)::register,
                new io.scenicpass.server.console.desk.DeskModule(
                        console, web.sessions, channels, sales.capacity, flow, admin.admin)::register,
                new io.scenicpass.server.console.passes.PassesPagesModule(
                                console.pages,
                                sales,
                                terminal.entries,
                                admin.admin,
                                db,
                                clock,
                                tickets,
                                messages.messages)::register,
                waitlist.api(admin.admin)::register,
                waitlist.pages(shop.pages)::register,
                packages::register,
                passes.adminApi(admin.admin)::register,
                passes.page(console.pages)::register,
                visitors.routes(admin.admin, packages.partners, console.pages),
                offers.api(admin.admin)::register,
                offers.page(console.pages)::register);
        app.start(config.host, config.port);
        pushJobs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scenicpass-push");
            t.setDaemon(true);
            return t;
        });
        cluster.start(pushJobs);
        terminal.start(pushJobs);
        if (runJobs) {
            jobs = cluster.jobs();
            sales.jobs(jobs);
            flow.jobs(jobs);
            channels.jobs(jobs);
            payments.jobs(jobs);
            counter.jobs(jobs);
            shopBook.jobs(jobs);
            invoices.jobs(jobs);
            web.jobs(jobs);
            shop.jobs(jobs);
            tickets.jobs(jobs);
            messages.jobs(jobs);
            adapters.jobs(jobs);
            park.jobs(jobs);
            waitlist.jobs(jobs);
            face.jobs(jobs);
            visitors.jobs(jobs);
            offers.jobs(jobs);
        }
        ready.set(readyOnStart);
        return this;
    }

    private static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Makes {@code /health} answer 200. */
    public void markReady() {
        ready.set(true);
    }

    /** The passphrase of the key files: configured, or generated once into {@code <data>/keys/passphrase} (0600). */
    private char[] passphrase() {
        if (config.keyPassphrase != null) {
            return config.keyPassphrase.toCharArray();
        }
        Path f = config.keysDir().resolve("passphrase");
        try {
            SecureFiles.ownerOnlyDirectory(config.keysDir());
            boolean created = !Files.exists(f);
            if (created) {
                byte[] raw = new byte[24];
                random.nextBytes(raw);
                SecureFiles.writeOwnerOnly(
                        f,
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(raw)
                                .getBytes(StandardCharsets.US_ASCII));
            }
            LOG.warn(
                    "keys.passphrase (SCENICPASS_KEY_PASSPHRASE) is not set: the key files are encrypted with the passphrase"
                            + " {} {}, beside them; set SCENICPASS_KEY_PASSPHRASE in production",
                    created ? "generated now into" : "in",
                    f);
            return Files.readString(f, StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + f, e);
        }
    }

    /** The admin token: configured, or generated once into {@code <data>/admin-token} (0600), said loudly. */
    private void initAdminToken() {
        if (config.adminToken != null) {
            admin.admin.setAdminToken(config.adminToken);
            return;
        }
        Path f = config.dataDir.resolve("admin-token");
        try {
            boolean created = !Files.exists(f);
            if (created) {
                byte[] raw = new byte[24];
                random.nextBytes(raw);
                SecureFiles.writeOwnerOnly(
                        f,
                        ("adm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw))
                                .getBytes(StandardCharsets.US_ASCII));
            }
            LOG.warn(
                    "admin.token (SCENICPASS_ADMIN_TOKEN) is not set: the admin API /admin/v1 accepts the token {} {};"
                            + " set SCENICPASS_ADMIN_TOKEN in production",
                    created ? "generated now into" : "stored in",
                    f);
            admin.admin.setAdminToken(
                    Files.readString(f, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + f, e);
        }
    }

    /** The admin token in effect (from config or the data dir). */
    public String adminToken() {
        if (config.adminToken != null) {
            return config.adminToken;
        }
        try {
            return Files.readString(config.dataDir.resolve("admin-token"), StandardCharsets.US_ASCII)
                    .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's clock (injected in tests). */
    public Clock clock() {
        return clock;
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + config.host + ":" + port();
    }

    public ServerConfig config() {
        return config;
    }

    /**
     * The inventory counter rows that disagreed with their bookings at start-up: logged and left as they were, or
     * repaired when the embedded H2's last run ended uncleanly.
     */
    public List<io.scenicpass.server.sales.store.InventoryAudit.Drift> driftAtStart() {
        return driftAtStart;
    }

    /** The shop's "My tickets": refunds and date changes of the visitors' orders. */
    public io.scenicpass.server.shop.tickets.TicketsModule tickets() {
        return tickets;
    }

    public Database database() {
        return db;
    }

    /** The parts, for the demo seeder and tests. */
    public CatalogueService catalogue() {
        return sales.catalogue;
    }

    /** Real-name tickets: visitors' documents, the document blacklist, erasure. */
    /** OCTO content: texts, media and FAQs per product and language. */
    public io.scenicpass.server.content.ContentService content() {
        return sales.content.content;
    }

    /** Pass products and annual passes (issue #23). */
    public io.scenicpass.server.passes.PassesModule passProducts() {
        return passes;
    }

    /** In the park: zones, notices, warnings, the page's view. */
    public io.scenicpass.server.park.ParkModule park() {
        return park;
    }

    /** Face templates bound to passes: enrolment, distribution to the gates, retention ({@code face/}). */
    public io.scenicpass.server.face.FaceService faces() {
        return face.faces;
    }

    public io.scenicpass.server.identity.IdentityModule identity() {
        return sales.identity;
    }

    /** OCTO questions: the products' questions and the bookings' answers. */
    public io.scenicpass.server.questions.QuestionsModule questions() {
        return sales.questions;
    }

    /** Offline selling at the box office: per-device allotments and the offline-sales sync. */
    public io.scenicpass.server.counter.offline.OfflineModule offline() {
        return offline;
    }

    /** Packages: partners, allotments, package products and their vouchers. */
    public io.scenicpass.server.packages.PackagesModule packages() {
        return packages;
    }

    /** The shop's waiting lists of sold-out slots. */
    public io.scenicpass.server.shop.waitlist.WaitlistModule waitlist() {
        return waitlist;
    }

    /** The visitor data hub: directory, tags and segments, visit events, partners ({@code /admin/v1/visitors}). */
    public io.scenicpass.server.visitors.VisitorsModule visitors() {
        return visitors;
    }

    /** Offers, promo codes and coupons. */
    public io.scenicpass.server.offers.OffersModule offers() {
        return offers;
    }

    public InventoryService inventory() {
        return sales.inventory;
    }

    public io.scenicpass.server.reports.ReportsModule reports() {
        return reports;
    }

    public io.scenicpass.server.measures.MeasuresModule measures() {
        return measures;
    }

    /** Gives back some or all passes of a sold booking (counter refunds, operators). */
    public io.scenicpass.server.sales.PassCancellation passCancellation() {
        return sales.passCancellation;
    }

    public BookingService bookings() {
        return sales.bookings;
    }

    public PassQueries passes() {
        return sales.passes;
    }

    public ChannelService channels() {
        return channels.channels;
    }

    public WebhookService webhooks() {
        return channels.webhooks;
    }

    /** Resellers that do not speak OCTO (the Ctrip adapter). */
    public AdaptersModule adapters() {
        return adapters;
    }

    public KeyService keys() {
        return keys.keys;
    }

    public AdminService admin() {
        return admin.admin;
    }

    /** Live flow, forecast, alerts and quotas ({@code /admin/v1/flow}, {@code /dashboard}). */
    public FlowModule flow() {
        return flow;
    }

    /** Prometheus metrics ({@code /metrics}); more gauges may be added before start-up completes. */
    public MetricsApi metrics() {
        return platform.metrics();
    }

    /** Keys delegated to box offices ({@code /terminal/v1/counter/delegation}, {@code /admin/v1/delegations}). */
    public Delegations delegations() {
        return delegations;
    }

    /** Payments: the service, the reconciler and the simulated provider ({@code /admin/v1/payments}). */
    public PaymentsModule payments() {
        return payments;
    }

    /** The counter: selling at kiosks and box offices ({@code /terminal/v1/counter}). */
    public CounterModule counter() {
        return counter;
    }

    /** The shop's selling path: channel {@code shop}, saved travellers, checkout ({@code shop/checkout}). */
    public io.scenicpass.server.shop.checkout.CheckoutModule shopBook() {
        return shopBook;
    }

    /** The box office: cashiers, shifts and their cash-up, refunds at the counter. */
    public io.scenicpass.server.counter.boxoffice.BoxOfficeModule boxOffice() {
        return boxOffice;
    }

    /** Pick-up (取票) of pre-booked tickets at kiosks and box offices. */
    public PickupModule pickup() {
        return pickup;
    }

    /** Invoices: the service, the receipt links ({@code /admin/v1/invoices}, {@code /invoice/{token}}). */
    public InvoicesModule invoices() {
        return invoices;
    }

    /** Messages to shop visitors ({@code messages().messages.send(...)}). */
    public io.scenicpass.server.messages.MessagesModule messages() {
        return messages;
    }

    /** The server's address as visitors reach it: {@code http.publicUrl}, else where it listens. */
    private String visitorUrl() {
        return config.publicUrl != null ? config.publicUrl : baseUrl();
    }

    /** The web platform of people's pages: sessions and CSRF ({@code /shop}, {@code /console}). */
    public io.scenicpass.server.web.WebModule web() {
        return web;
    }

    /** The visitors' shop ({@code /shop}). */
    public io.scenicpass.server.shop.ShopModule shop() {
        return shop;
    }

    /** Operators: accounts, roles, the audit log ({@code /admin/v1/operators}, {@code /admin/v1/audit}). */
    public io.scenicpass.server.console.ConsoleModule console() {
        return console;
    }

    public DeviceService devices() {
        return terminal.devices;
    }

    public SyncFeedService syncFeeds() {
        return terminal.syncFeeds;
    }

    public EntryService entries() {
        return terminal.entries;
    }

    public PushHub push() {
        return terminal.push;
    }

    /** Cross-node events (PostgreSQL LISTEN/NOTIFY; in-process on H2). */
    public ClusterBus cluster() {
        return cluster.bus;
    }

    /** Leases of the singleton jobs (hold expiry, flow alerts) shared by the nodes on one database. */
    public JobLeases leases() {
        return cluster.leases;
    }

    @Override
    public void close() {
        ready.set(false);
        if (jobs != null) {
            jobs.close();
            cluster.leases.close();
        }
        if (pushJobs != null) {
            pushJobs.shutdownNow();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (terminal != null) {
            terminal.close();
        }
        if (app != null) {
            app.stop();
        }
        if (db != null) {
            db.close();
        }
        if (runMarker != null) {
            runMarker.release();
        }
    }
}
