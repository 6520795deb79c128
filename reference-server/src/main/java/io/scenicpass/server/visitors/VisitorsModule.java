package io.scenicpass.server.visitors;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.flow.FlowConfig;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.packages.Partners;
import io.scenicpass.server.visitors.http.ReceiptApi;
import io.scenicpass.server.visitors.http.VisitorsAdminApi;
import io.scenicpass.server.visitors.segments.SegmentService;
import io.scenicpass.server.visitors.segments.SegmentStore;
import io.scenicpass.server.visitors.store.BookingLinkStore;
import io.scenicpass.server.visitors.store.ErasureStore;
import io.scenicpass.server.visitors.store.ReceiptStore;
import io.scenicpass.server.visitors.store.TagStore;
import io.scenicpass.server.visitors.store.VisitStore;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The visitor data hub wired in one place: the directory, the feed of bookings and entries (also the
 * {@link VisitEvents}), receipts of partner tills, tags, segments, export and erasure; then {@link #jobs(Jobs)} for
 * the feed and the retention run.
 */
public final class VisitorsModule {
    public final VisitorSettings settings;
    private final Directory directory;
    private final VisitorFeed feed;
    private final SegmentService segments;
    private final Receipts receipts;
    private final Privacy privacy;
    private final ShopConsent shopConsent;

    /** {@code zone} and {@code parkZone}: the park's time zone and its own zone (flow's settings). */
    public VisitorsModule(Platform p, IdentityKeys identityKeys, ZoneId zone, String parkZone) {
        settings = VisitorSettings.of(p.config().web);
        VisitorStore visitorStore = new VisitorStore();
        VisitorKeys keys = new VisitorKeys(identityKeys);
        TagStore tagStore = new TagStore();
        Tags tags = new Tags(tagStore, visitorStore, zone, settings.cultureMinutes());
        BookingLinkStore bookingStore = new BookingLinkStore();
        BookingLinks links = new BookingLinks(
                bookingStore,
                visitorStore,
                keys,
                tags,
                p.json(),
                settings.consentChannels(),
                settings.retentionMonths());
        directory = new Directory(p.db(), visitorStore, keys, links, tags, p.clock(), p.random());
        VisitStore visitStore = new VisitStore();
        feed = new VisitorFeed(
                p.db(),
                bookingStore,
                links,
                visitStore,
                new Visits(visitStore, links, zone, parkZone),
                tags,
                p.clock());
        segments = new SegmentService(p.db(), new SegmentStore(), tagStore, p.clock(), feed::catchUp);
        ReceiptStore receiptStore = new ReceiptStore();
        receipts = new Receipts(
                p.db(),
                receiptStore,
                visitStore,
                visitorStore,
                keys,
                identityKeys,
                links,
                tags,
                zone,
                settings.currency(),
                p.clock());
        shopConsent = new ShopConsent(p.db(), visitorStore, p.clock(), zone);
        privacy = new Privacy(
                p.db(),
                visitorStore,
                bookingStore,
                visitStore,
                receiptStore,
                tagStore,
                tags,
                new ErasureStore(),
                segments,
                feed,
                settings.retentionMonths(),
                p.clock());
    }

    /** The hub of a server: the park's zone and own zone from the flow's settings. */
    public static VisitorsModule compose(Platform p, IdentityKeys keys, FlowConfig flow) {
        return new VisitorsModule(p, keys, flow.zone(), flow.parkZone());
    }

    /** Every route of the hub: the operator's (API and the console page), the partner tills' receipts. */
    public Consumer<RoutesConfig> routes(
            AdminService admin, Partners partners, io.scenicpass.server.console.ConsolePages console) {
        io.scenicpass.server.visitors.http.VisitorsPage page =
                new io.scenicpass.server.visitors.http.VisitorsPage(console, this);
        return r -> {
            new VisitorsAdminApi(admin, this).register(r);
            page.register(r);
            new ReceiptApi(partners, receipts).register(r);
        };
    }

    /** Who a visitor is (by keyed hashes), a booking's visitor, consent. */
    public VisitorDirectory directory() {
        return directory;
    }

    /** Tags and saved segments. */
    public SegmentService segments() {
        return segments;
    }

    /** Visits ending (after the hub took the exit in). */
    public VisitEvents events() {
        return feed;
    }

    /** The feed: {@code feed().catchUp()} takes in the bookings and entries not seen yet (tests call it by hand). */
    public VisitorFeed feed() {
        return feed;
    }

    /** Receipts of partner tills. */
    public Receipts receipts() {
        return receipts;
    }

    /** The masked record, export, erasure and retention. */
    public Privacy privacy() {
        return privacy;
    }

    /** The shop's marketing checkbox (the messages page). */
    public ShopConsent shopConsent() {
        return shopConsent;
    }

    /** Records a visitor's marketing consent given or withdrawn ({@code source}: shop, operator, channel:...). */
    public void consent(long visitorId, boolean consent, String source) {
        directory.consent(visitorId, consent, source);
    }

    /** A new member code for the visitor (shown once). */
    public String issueMemberCode(long visitorId) {
        return directory.issueMemberCode(visitorId);
    }

    /** How often each node counts the saved segments' members for the answers that take sizes a minute old. */
    static final Duration SEGMENT_COUNT_EVERY = Duration.ofSeconds(30);

    /**
     * The feed on the configured interval and the retention run hourly, each on one node at a time; the segments'
     * sizes counted on every node (each keeps its own last count).
     */
    public void jobs(Jobs jobs) {
        jobs.singleton("visitors-feed", "visitor hub: bookings and entries", settings.feedEvery(), feed::catchUp);
        jobs.singleton("visitors-retention", "visitor hub: retention", Duration.ofHours(1), privacy::retain);
        jobs.everyNode("visitors-segment-sizes", SEGMENT_COUNT_EVERY, segments::recount);
    }
}
