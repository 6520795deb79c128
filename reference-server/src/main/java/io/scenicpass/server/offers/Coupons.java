package io.scenicpass.server.offers;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.offers.store.CouponStore;
import io.scenicpass.server.offers.store.OfferStore;
import io.scenicpass.server.shop.store.ShopOrderStore;
import io.scenicpass.server.visitors.VisitEvents;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coupons after a visit: at a visitor's exit each active campaign gives a visitor who agreed to marketing one coupon
 * per visit day (EXIT: sent at once, NEXT_MORNING: sent at {@link #MORNING} the next day by {@link #sendDue}), by the
 * shop's messages to the shop account that booked the visit. A visitor without consent or shop account gets none.
 */
public final class Coupons {
    private static final Logger LOG = LoggerFactory.getLogger(Coupons.class);
    /** When NEXT_MORNING coupons go, in the park's time zone. */
    static final LocalTime MORNING = LocalTime.of(8, 0);

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Database db;
    private final OfferStore offers;
    private final CouponStore coupons;
    private final ShopOrderStore shopOrders = new ShopOrderStore();
    private final VisitorMessages messages;
    private final SecureRandom random;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Hub hub = Hub.NONE;

    Coupons(
            Database db,
            OfferStore offers,
            CouponStore coupons,
            VisitorMessages messages,
            SecureRandom random,
            Clock clock,
            ZoneId zone) {
        this.db = db;
        this.offers = offers;
        this.coupons = coupons;
        this.messages = messages;
        this.random = random;
        this.clock = clock;
        this.zone = zone;
    }

    void hub(Hub h) {
        hub = h;
        h.events().onVisitEnded(this::visitEnded);
    }

    /** A visitor left: their coupons of every active campaign (none without consent or shop account). */
    void visitEnded(VisitEvents.VisitEnded v) {
        if (!hub.directory().marketingConsent(v.visitorId())) {
            return;
        }
        long now = clock.millis();
        long morning =
                v.day().plusDays(1).atTime(MORNING).atZone(zone).toInstant().toEpochMilli();
        db.tx(c -> {
            Long account = v.bookingUuid() == null
                    ? null
                    : shopOrders.owner(c, v.bookingUuid()).orElse(null);
            if (account == null) {
                return null;
            }
            for (Offer o : offers.campaigns(c, Offer.Trigger.EXIT)) {
                issue(c, o, v, account, now, now);
            }
            for (Offer o : offers.campaigns(c, Offer.Trigger.NEXT_MORNING)) {
                issue(c, o, v, account, Math.max(now, morning), now);
            }
            return null;
        });
        sendDue();
    }

    private void issue(java.sql.Connection c, Offer o, VisitEvents.VisitEnded v, long account, long sendAt, long now)
            throws java.sql.SQLException {
        long expires = sendAt + Duration.ofDays(o.couponDays()).toMillis();
        coupons.insert(
                c,
                new CouponStore.Coupon(newCode(), o.id(), v.visitorId(), account, v.day(), sendAt, null, expires, now));
    }

    /** Queues the messages of the coupons due now (the job's run, and right after an exit); returns how many. */
    public int sendDue() {
        long now = clock.millis();
        return db.tx(c -> {
            List<CouponStore.Coupon> due = coupons.due(c, now, 200);
            for (CouponStore.Coupon k : due) {
                Offer o = offers.find(c, k.offerId()).orElseThrow();
                String until = java.time.Instant.ofEpochMilli(k.expiresAt())
                        .atZone(zone)
                        .toLocalDate()
                        .toString();
                messages.sendOnce(
                        c,
                        k.shopVisitorId(),
                        MessageKind.COUPON,
                        Map.of("code", k.code(), "title", o.title(), "until", until),
                        "coupon:" + k.code());
                coupons.sent(c, k.code(), now);
            }
            if (!due.isEmpty()) {
                LOG.info("{} coupon message(s) queued", due.size());
            }
            return due.size();
        });
    }

    /** A fresh coupon code: 12 characters of an alphabet without look-alikes (60 bits). */
    private String newCode() {
        char[] s = new char[12];
        for (int i = 0; i < s.length; i++) {
            s[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(s);
    }
}
