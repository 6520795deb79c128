package io.scenicpass.server;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.adapters.AdaptersModule;
import io.scenicpass.server.admin.AdminModule;
import io.scenicpass.server.channels.ChannelsModule;
import io.scenicpass.server.channels.WebhookTargets;
import io.scenicpass.server.cluster.ClusterModule;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.console.ConsoleModule;
import io.scenicpass.server.console.desk.DeskModule;
import io.scenicpass.server.console.pages.PagesModule;
import io.scenicpass.server.console.passes.PassesPagesModule;
import io.scenicpass.server.counter.CounterModule;
import io.scenicpass.server.counter.boxoffice.BoxOfficeModule;
import io.scenicpass.server.counter.offline.OfflineModule;
import io.scenicpass.server.counter.pickup.PickupModule;
import io.scenicpass.server.face.FaceModule;
import io.scenicpass.server.flow.FlowConfig;
import io.scenicpass.server.flow.FlowModule;
import io.scenicpass.server.flow.http.DashboardApi;
import io.scenicpass.server.invoices.InvoicesModule;
import io.scenicpass.server.keys.Delegations;
import io.scenicpass.server.keys.KeysModule;
import io.scenicpass.server.keys.http.DelegationApi;
import io.scenicpass.server.measures.MeasuresModule;
import io.scenicpass.server.messages.MessagesModule;
import io.scenicpass.server.offers.Hub;
import io.scenicpass.server.offers.OffersModule;
import io.scenicpass.server.packages.PackagesModule;
import io.scenicpass.server.park.ParkModule;
import io.scenicpass.server.passes.PassesModule;
import io.scenicpass.server.payments.PaymentsModule;
import io.scenicpass.server.reports.ReportsModule;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.shop.ShopModule;
import io.scenicpass.server.shop.checkout.CheckoutModule;
import io.scenicpass.server.shop.tickets.TicketsModule;
import io.scenicpass.server.shop.waitlist.WaitlistModule;
import io.scenicpass.server.terminal.TerminalModule;
import io.scenicpass.server.visitors.VisitorsModule;
import io.scenicpass.server.web.WebModule;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The feature modules of one server, composed in dependency order from the {@link Platform} (the composition root:
 * who needs whom is read here, top to bottom), with the routes each one serves and the jobs each one runs.
 * {@link ScenicPassServer} owns the lifecycle (database, HTTP, jobs) and answers the accessors.
 */
final class ServerModules {
    final KeysModule keys;
    final ChannelsModule channels;
    final SalesModule sales;
    final AdminModule admin;
    final PassesModule passes;
    final AdaptersModule adapters;
    final FlowModule flow;
    final ClusterModule cluster;
    final TerminalModule terminal;
    final FaceModule face;
    final PaymentsModule payments;
    final CounterModule counter;
    final CheckoutModule shopBook;
    final OfflineModule offline;
    final Delegations delegations;
    final BoxOfficeModule boxOffice;
    final PickupModule pickup;
    final InvoicesModule invoices;
    final ReportsModule reports;
    final WebModule web;
    final MessagesModule messages;
    final ShopModule shop;
    final DashboardApi dashboard;
    final ConsoleModule console;
    final ParkModule park;
    final TicketsModule tickets;
    final WaitlistModule waitlist;
    final PackagesModule packages;
    final VisitorsModule visitors;
    final OffersModule offers;
    final MeasuresModule measures;

    /**
     * Composes the modules. {@code afterAdmin} runs once sales and the admin service exist (the inventory check at
     * start-up and the admin token, before any other module starts); {@code publicUrl} is the server's address as visitors reach it.
     */
    ServerModules(
            Platform platform, char[] passphrase, Consumer<ServerModules> afterAdmin, Supplier<String> publicUrl) {
        var config = platform.config();
        var clock = platform.clock();
        keys = new KeysModule(platform, passphrase);
        WebhookTargets targets = new WebhookTargets(config.webhooksAllowPrivateTargets);
        channels = new ChannelsModule(platform, targets);
        sales = new SalesModule(platform, keys.keys, channels, publicUrl);
        admin = new AdminModule(platform, sales, channels, keys.keys);
        passes = PassesModule.compose(platform, sales); // pass terms shape issuance
        adapters = new AdaptersModule(platform, sales, channels, admin.admin);
        afterAdmin.accept(this);
        flow = new FlowModule(platform.db(), clock, FlowConfig.of(config.flow), targets);
        cluster = new ClusterModule(platform);
        terminal = new TerminalModule(platform, keys.keys, channels, admin.admin, cluster);
        flow.pushTo(terminal.push);
        face = FaceModule.compose(platform, terminal, passes, sales.identity.keys, keys.keys, admin.admin);
        payments = new PaymentsModule(platform);
        counter = new CounterModule(platform, sales, channels.channels, payments, terminal.devices);
        shopBook = new CheckoutModule(platform, sales, channels.channels, payments);
        offline = new OfflineModule(platform, sales, counter, keys.keys);
        delegations = new Delegations(
                platform.db(),
                keys.keys,
                () -> sales.catalogue.products(null).stream()
                        .collect(Collectors.toMap(
                                v -> v.product().id(),
                                v -> ZoneId.of(v.product().timeZone()))),
                clock);
        boxOffice = new BoxOfficeModule(platform, counter, sales.passCancellation, payments.payments, admin.admin);
        pickup = new PickupModule(platform, sales.identity.identities, counter.auth, admin.admin);
        invoices = new InvoicesModule(platform, sales.identity.keys, publicUrl);
        counter.invoiceLinks(invoices.links::forBooking);
        reports = new ReportsModule(platform, boxOffice, admin.admin);
        web = new WebModule(platform);
        messages = new MessagesModule(platform, sales.identity.keys, channels.webhooks, publicUrl);
        shop = new ShopModule(platform, web, sales.identity.keys, messages.codes);
        dashboard = flow.dashboard(platform, admin.admin).with("counter", counter.report::today);
        console = new ConsoleModule(platform, admin.admin, sales.identity.keys, web.sessions, dashboard);
        // the visitors' shop: sign-in (shop), messages, checkout, tickets, the waiting list, the park's page
        shopBook.withShop(shop);
        park = new ParkModule(platform, flow, messages.messages);
        // the home page asks for today's (day null): the park's day, in its zone
        shopBook.notices((day, lang) -> park.notices.current(day != null ? day : flow.flow.today()).stream()
                .map(n -> n.title(lang) + ": " + n.body(lang))
                .toList());
        tickets = new TicketsModule(platform, sales, payments.payments, shopBook, shop);
        waitlist = new WaitlistModule(
                platform,
                sales,
                shopBook.channel::get,
                shopBook.checkout,
                messages.messages,
                id -> shop.accounts.visitor(id).map(v -> v.masked()).orElse(null));
        packages = new PackagesModule(platform, sales, reports.reports, admin.admin, console.pages);
        visitors = VisitorsModule.compose(platform, sales.identity.keys, flow.config);
        offers = new OffersModule(
                platform,
                sales.bookings,
                messages.messages,
                FlowConfig.of(config.flow).zone());
        offers.hub(new Hub(visitors.directory(), visitors.segments(), visitors.events()));
        measures = new MeasuresModule(platform, admin.admin, visitors.segments());
        dashboard.with("measures", measures.measures::today);
    }

    /** What every module serves over HTTP, beside OCTO and the admin API (the order is the registration order). */
    List<Consumer<RoutesConfig>> routes(Platform platform) {
        var db = platform.db();
        var clock = platform.clock();
        return List.of(
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
                messages.pages(shop.pages).withConsent(visitors.shopConsent())::register,
                new PagesModule(
                        console.pages,
                        sales,
                        terminal.devices,
                        terminal.entries,
                        reports.reports,
                        admin.admin,
                        clock,
                        db,
                        channels.channels)::register,
                new DeskModule(console, web.sessions, channels, sales.capacity, flow, admin.admin)::register,
                new PassesPagesModule(
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
                new io.scenicpass.server.console.catalogue.ProductsModule(
                        console.pages, sales, passes.products, channels.channels, db)::register,
                new io.scenicpass.server.console.catalogue.slots.SlotsModule(console.pages, sales, admin.admin)
                        ::register,
                new io.scenicpass.server.console.counter.CounterRefundsModule(
                        console.pages, boxOffice, counter.sales, admin.admin)::register,
                new io.scenicpass.server.passes.activation.ActivationModule( // annual passes activated at devices
                                platform, passes, face.faces, sales.identity.identities, terminal.devices)
                        .api::register,
                io.scenicpass.server.shop.activation.ActivationModule.compose(
                        platform, shop, shopBook, tickets, passes, face)::register,
                offers.api(admin.admin)::register,
                offers.page(console.pages)::register);
    }

    /** Hands each module's background jobs (hold expiry, deliveries, sweeps, retention) to the job runner. */
    void jobs(Jobs jobs) {
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
        measures.jobs(jobs);
        offers.jobs(jobs);
    }
}
