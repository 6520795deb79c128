package io.scenicpass.server.visitors;

import io.scenicpass.server.Platform;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.visitors.segments.SegmentService;
import io.scenicpass.server.visitors.segments.SegmentStore;
import io.scenicpass.server.visitors.store.BookingLinkStore;
import io.scenicpass.server.visitors.store.TagStore;
import io.scenicpass.server.visitors.store.VisitStore;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.time.ZoneId;

/**
 * The visitor data hub wired in one place: the directory, the feed of bookings and entries (also the
 * {@link VisitEvents}), tags and segments; then {@link #jobs(Jobs)} for the feed.
 */
public final class VisitorsModule {
    public final VisitorSettings settings;
    final VisitorStore visitorStore = new VisitorStore();
    final Tags tags;
    final BookingLinks links;
    private final Directory directory;
    private final VisitorFeed feed;
    private final SegmentService segments;

    /** {@code zone} and {@code parkZone}: the park's time zone and its own zone (flow's settings). */
    public VisitorsModule(Platform p, IdentityKeys identityKeys, ZoneId zone, String parkZone) {
        settings = VisitorSettings.of(p.config().web);
        VisitorKeys keys = new VisitorKeys(identityKeys);
        TagStore tagStore = new TagStore();
        tags = new Tags(tagStore, visitorStore, zone, settings.cultureMinutes());
        BookingLinkStore bookingStore = new BookingLinkStore();
        links = new BookingLinks(bookingStore, visitorStore, keys, tags, p.json(), settings.consentChannels());
        directory = new Directory(p.db(), visitorStore, keys, links, tags, p.clock());
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
    }

    /** The hub of a server: the park's zone and own zone from the flow's settings. */
    public static VisitorsModule compose(Platform p, IdentityKeys keys, io.scenicpass.server.flow.FlowConfig flow) {
        return new VisitorsModule(p, keys, flow.zone(), flow.parkZone());
    }

    /** Every route of the hub: the operator's (visitors, segments) and the partner tills' receipts. */
    public java.util.function.Consumer<io.javalin.config.RoutesConfig> routes(
            io.scenicpass.server.admin.AdminService admin, io.scenicpass.server.packages.Partners partners) {
        return r -> {};
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

    /** The feed on the configured interval, on one node at a time. */
    public void jobs(Jobs jobs) {
        jobs.singleton("visitors-feed", "visitor hub: bookings and entries", settings.feedEvery(), feed::catchUp);
    }
}
