package io.scenicpass.server.adapters.ctrip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.server.adapters.ctrip.store.CtripAccountStore;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.WebhookFormat;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.OutboxStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Unit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the server tells Ctrip, through the channel outbox (retried with backoff for 24 h, like every webhook): the
 * consumed notice ({@code OrderConsumedNotice}) when more of a Ctrip order's tickets were admitted at a gate, and date-level
 * inventory ({@code DateInventoryModify}) when a PLU's places for a date change. Other booking events are not sent.
 */
public final class CtripNotices implements WebhookFormat {
    static final String VERSION = "1.0";
    /** The outbox type of an inventory push (its payload is the notice's body). */
    static final String INVENTORY = "CTRIP_INVENTORY";
    /** The outbox type of a consumed notice (its payload is the notice's body). */
    static final String CONSUMED = "CTRIP_CONSUMED";
    /** Orders looked at per channel and run of {@link #reportConsumed}. */
    static final int PAGE = 500;
    /** Days ahead pushed (Ctrip takes at most 90). */
    static final int DAYS = 30;

    private final Database db;
    private final CtripAccountStore store;
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final WebhookService outbox;
    private final BookingService bookings;
    private final ChannelService channels;
    private final Clock clock;

    public CtripNotices(
            Database db,
            CtripAccountStore store,
            CatalogueService catalogue,
            InventoryService inventory,
            WebhookService outbox,
            BookingService bookings,
            ChannelService channels,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.outbox = outbox;
        this.bookings = bookings;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public Delivery delivery(Channel ch, OutboxStore.Message m, URI target) {
        Optional<String> account = db.read(c -> store.accountOf(c, ch.id()));
        if (account.isEmpty()) {
            return null;
        }
        String service;
        JsonNode body;
        if (INVENTORY.equals(m.eventType())) {
            service = "DateInventoryModify";
            body = read(m.payload());
        } else if (CONSUMED.equals(m.eventType())) {
            service = "OrderConsumedNotice";
            body = read(m.payload());
        } else {
            // booking events (REDEEMED included: only a booking's first entry makes one; reportConsumed counts every
            // ticket) are not Ctrip's: it asks for an order's state itself (QueryOrder)
            return Delivery.NOTHING;
        }
        String envelope =
                CtripEnvelope.request(account.get(), service, clock.instant(), VERSION, ch.webhookSecret(), body);
        HttpRequest req = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
        return new Delivery(req, CtripNotices::accepted);
    }

    /** Ctrip accepted a notice when it answers result code 0000. */
    static boolean accepted(String reply) {
        try {
            return CtripCode.OK.code.equals(CtripEnvelope.JSON
                    .readTree(reply)
                    .path("header")
                    .path("resultCode")
                    .asText());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Puts an OrderConsumedNotice into the outbox for every Ctrip order whose count of used tickets went up since the
     * last one (its redeemed bookings visited since yesterday). Runs on one node, every few seconds.
     */
    public void reportConsumed() {
        LocalDate since = LocalDate.now(clock.withZone(CtripEnvelope.ZONE)).minusDays(1);
        for (String channelId : db.read(store::channels)) {
            Optional<Channel> ch = channels.find(channelId);
            if (ch.isEmpty()) {
                continue;
            }
            db.read(c -> store.toReport(c, channelId, since, PAGE)).forEach((uuid, reported) -> {
                io.scenicpass.channel.model.Booking v = bookings.view(bookings.get(ch.get(), uuid));
                int used = CtripOrders.count(v, true);
                if (used > reported) {
                    db.tx(c -> {
                        store.setReported(c, uuid, used);
                        outbox.enqueueRaw(c, channelId, CONSUMED, consumed(v).toString());
                        return null;
                    });
                }
            });
        }
    }

    /** OrderConsumedNotice's body: per Ctrip item, its quantity and how many of its tickets are used. */
    private static ObjectNode consumed(io.scenicpass.channel.model.Booking b) {
        String date = b.getAvailability() == null || b.getAvailability().getLocalDateTimeStart() == null
                ? null
                : b.getAvailability().getLocalDateTimeStart().toLocalDate().toString();
        ObjectNode body = CtripEnvelope.object();
        body.put("sequenceId", java.util.UUID.randomUUID().toString().replace("-", ""));
        body.put("otaOrderId", b.getResellerReference());
        body.put("supplierOrderId", b.getUuid());
        ArrayNode items = body.putArray("items");
        CtripOrders.usage(b).forEach((itemId, q) -> {
            ObjectNode i = items.addObject();
            i.put("itemId", itemId);
            i.put("useStartDate", date);
            i.put("useEndDate", date);
            i.put("quantity", q[0]);
            i.put("useQuantity", q[1]);
        });
        return body;
    }

    private static JsonNode read(String payload) {
        try {
            return CtripEnvelope.JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable inventory push", e);
        }
    }

    /**
     * Compares every Ctrip channel's PLUs' places per date ({@value #DAYS} days ahead; a day's places are its open
     * slots' vacancies) with what was pushed last, and puts one push per changed PLU into the outbox. Runs on one node.
     */
    public void pushInventory() {
        for (String channelId : db.read(store::channels)) {
            for (CatalogueService.ProductView p : catalogue.products(channelId)) {
                LocalDate today =
                        LocalDate.now(clock.withZone(ZoneId.of(p.product().timeZone())));
                for (CatalogueService.OptionView o : p.options()) {
                    Map<LocalDate, Integer> now = new LinkedHashMap<>();
                    for (InventoryService.DayView d :
                            inventory.calendar(p.product(), o.option(), today, today.plusDays(DAYS - 1), channelId)) {
                        now.put(d.date(), d.vacancy().closed() ? 0 : d.vacancy().vacancies());
                    }
                    for (Unit u : o.units()) {
                        push(channelId, u.id(), today, now);
                    }
                }
            }
        }
    }

    private void push(String channelId, String plu, LocalDate today, Map<LocalDate, Integer> now) {
        db.tx(c -> {
            Map<LocalDate, Integer> pushed = store.pushed(c, channelId, plu, today);
            ObjectNode body = CtripEnvelope.object();
            body.put("sequenceId", "");
            body.put("otaOptionId", "");
            body.put("supplierOptionId", plu);
            ArrayNode list = body.putArray("inventorys"); // sic: Ctrip's field name
            for (Map.Entry<LocalDate, Integer> e : now.entrySet()) {
                if (!e.getValue().equals(pushed.get(e.getKey()))) {
                    list.addObject().put("date", e.getKey().toString()).put("quantity", e.getValue());
                    store.setPushed(c, channelId, plu, e.getKey(), e.getValue());
                }
            }
            if (!list.isEmpty()) {
                body.put("sequenceId", java.util.UUID.randomUUID().toString().replace("-", ""));
                outbox.enqueueRaw(c, channelId, INVENTORY, body.toString());
            }
            return null;
        });
    }
}
