package io.scenicpass.server.shop.tickets;

import io.scenicpass.server.content.ContentService;
import io.scenicpass.server.counter.Sale;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.identity.MaskedIdentity;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.shop.tickets.store.ShopRefundStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An order as the visitor's pages show it: product and units in their language, valid passes, holders masked. */
public final class OrderViews {
    /** One valid pass: its QR text, the unit's name, the holder masked (null: not real-name). */
    public record PassView(String passId, String qrText, String unitName, String holder) {
        /** A real-name pass: the gate also admits its holder's document alone. */
        public boolean documentEntry() {
            return holder != null;
        }
    }

    /** One order (a shop booking) with what may be done with it now. */
    public record OrderView(
            String uuid,
            String reference,
            String productId,
            String productTitle,
            LocalDate date,
            Instant start,
            Instant end,
            ZoneId zone,
            String status,
            long totalFen,
            String currency,
            List<PassView> passes,
            boolean changeable,
            Instant cutoffAt,
            List<ShopRefundStore.RefundRow> refunds) {
        /** Not over yet: listed first. */
        public boolean upcoming(Instant now) {
            return now.isBefore(end);
        }
    }

    private final Database db;
    private final TicketRules rules;
    private final ContentService content;
    private final IdentityService identities;
    private final CatalogueStore catalogue = new CatalogueStore();
    private final PassStore passes;
    private final ShopRefundStore refunds = new ShopRefundStore();
    private final Clock clock;

    public OrderViews(Database db, TicketRules rules, ContentService content, IdentityService identities, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.content = content;
        this.identities = identities;
        this.passes = new PassStore(db.dialect());
        this.clock = clock;
    }

    /** The order {@code uuid} of the shop in {@code lang} (zh-CN or en); ORDER_NOT_FOUND when there is none. */
    public OrderView of(String uuid, String lang) {
        TicketRules.Order o = rules.order(uuid);
        var b = o.booking();
        ContentService.Localized texts = localized(b.productId(), lang);
        return db.read(c -> {
            Map<String, PassRecord> byId = new HashMap<>();
            passes.byBooking(c, uuid).forEach(p -> byId.put(p.passId(), p));
            Map<String, String> unitNames = new HashMap<>();
            for (Unit u : catalogue.units(c, b.optionId())) {
                var t = texts == null ? null : texts.units().get(u.id());
                unitNames.put(u.id(), t != null && t.title() != null ? t.title() : u.internalName());
            }
            Map<String, MaskedIdentity> holders = identities.masked(c, uuid);
            List<PassView> valid = new ArrayList<>();
            for (Sale.Ticket t : Sale.Ticket.of(b, byId::get, id -> unitNames.getOrDefault(id, id), holders, "", "")) {
                valid.add(new PassView(t.passId(), t.qrText(), t.unitName(), holder(t.holder())));
            }
            String title = texts != null && texts.product().title() != null
                    ? texts.product().title()
                    : o.product().internalName();
            return new OrderView(
                    uuid,
                    b.supplierReference(),
                    b.productId(),
                    title,
                    b.localDate(),
                    o.slot().startAt(),
                    o.slot().endAt(),
                    ZoneId.of(o.product().timeZone()),
                    b.status().name(),
                    b.totalRetail(),
                    b.currency(),
                    List.copyOf(valid),
                    o.changeable(clock.instant()),
                    o.cutoffAt(),
                    refunds.ofBooking(c, uuid));
        });
    }

    /** The orders {@code uuids} (those the shop does not know are left out): upcoming by start, then past newest first. */
    public List<OrderView> list(List<String> uuids, String lang) {
        Instant now = clock.instant();
        List<OrderView> out = new ArrayList<>();
        for (String uuid : uuids) {
            try {
                out.add(of(uuid, lang));
            } catch (TicketRefusal gone) {
                // not a booking of the shop channel (any more): nothing to show
            }
        }
        out.sort((x, y) -> x.upcoming(now) != y.upcoming(now)
                ? (x.upcoming(now) ? -1 : 1)
                : x.upcoming(now) ? x.start().compareTo(y.start()) : y.start().compareTo(x.start()));
        return out;
    }

    /** "张** 3301**********1234": the name and number as the identity service masks them. */
    private static String holder(MaskedIdentity m) {
        return m == null ? null : (m.name() == null ? "" : m.name() + " ") + m.number();
    }

    private ContentService.Localized localized(String productId, String lang) {
        ContentService.Stored s = content.of(productId);
        if (s == null || s.byLocale() == null) {
            return null;
        }
        ContentService.Localized l = s.byLocale().get(lang);
        return l != null ? l : s.byLocale().get(s.defaultLocale());
    }
}
