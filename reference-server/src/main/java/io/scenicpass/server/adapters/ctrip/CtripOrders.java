package io.scenicpass.server.adapters.ctrip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.DeliveryOption;
import io.scenicpass.channel.model.UnitItem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.http.OctoViews;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Unit;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ctrip's order services translated onto {@link BookingService}: one Ctrip order is one booking whose uuid is derived
 * from the channel and Ctrip's order id (so a retried create is the booking service's own idempotent replay), whose
 * reseller reference is the order id and whose unit items carry Ctrip's item ids. Every answer is a Ctrip body.
 */
public final class CtripOrders {
    private final BookingService bookings;
    private final CatalogueService catalogue;
    private final InventoryService inventory;

    public CtripOrders(BookingService bookings, CatalogueService catalogue, InventoryService inventory) {
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.inventory = inventory;
    }

    /** The booking uuid of a Ctrip order of a channel (a name-based UUID: the same order id, the same booking). */
    public static String uuidOf(String channelId, String otaOrderId) {
        return UUID.nameUUIDFromBytes(("ctrip:" + channelId + ":" + otaOrderId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** CreatePreOrder: holds the places (all items: one product option, one date), answers the supplier order id. */
    public ObjectNode create(Channel ch, JsonNode body) {
        String otaOrderId = required(body, "otaOrderId");
        JsonNode items = body.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > BookingService.MAX_UNITS) {
            throw new CtripException(CtripCode.UNREADABLE, "items must list 1-" + BookingService.MAX_UNITS + " items");
        }
        CatalogueService.ProductView product = null;
        CatalogueService.OptionView option = null;
        LocalDate date = null;
        List<BookingCommands.Item> unitItems = new ArrayList<>();
        List<IdentityInput> visitors = passengers(body.path("passengers"));
        for (JsonNode item : items) {
            String plu = required(item, "PLU");
            Found f = plu(ch, plu);
            LocalDate d = date(required(item, "useStartDate"), "useStartDate");
            if (product != null
                    && (!f.option().option().id().equals(option.option().id()) || !d.equals(date))) {
                throw new CtripException(
                        CtripCode.UNREADABLE, "the items of one order must be one product option on one date");
            }
            product = f.product();
            option = f.option();
            date = d;
            int quantity = item.path("quantity").asInt(0);
            if (quantity < 1 || unitItems.size() + quantity > BookingService.MAX_UNITS) {
                throw new CtripException(
                        CtripCode.UNREADABLE, "quantity must be 1.." + BookingService.MAX_UNITS + " in all");
            }
            String itemId = required(item, "itemId");
            for (int i = 0; i < quantity; i++) {
                IdentityInput visitor = unitItems.size() < visitors.size() ? visitors.get(unitItems.size()) : null;
                unitItems.add(new BookingCommands.Item(f.unit().id(), itemId, visitor));
            }
        }
        String slotId = slot(ch, product, option, date, unitItems.size());
        Contact contact = contact(body.path("contacts"));
        BookingCommands.Reserve cmd = new BookingCommands.Reserve(
                uuidOf(ch.id(), otaOrderId),
                fingerprint(body),
                product.product().id(),
                option.option().id(),
                slotId,
                unitItems,
                null,
                new BookingCommands.Details(otaOrderId, OctoViews.contactJson(contact), null));
        Booking b = call(CtripCode.SOLD_OUT, CtripCode.ORDER_ID_REUSED, () -> bookings.reserve(ch, cmd));
        ObjectNode out = CtripEnvelope.object();
        out.put("otaOrderId", otaOrderId);
        out.put("supplierOrderId", b.uuid());
        return out;
    }

    /** PayPreOrder: confirms the hold (once; a retry answers the same), answers the vouchers. */
    public ObjectNode pay(Channel ch, JsonNode body) {
        String otaOrderId = required(body, "otaOrderId");
        String uuid = own(ch, otaOrderId, body);
        Booking b =
                call(CtripCode.ORDER_NOT_PAYABLE, () -> bookings.confirm(ch, uuid, new BookingCommands.Confirm(null)));
        ObjectNode out = answer(otaOrderId, b);
        out.put("supplierConfirmType", 1); // confirmed at once, no asynchronous confirmation follows
        out.set("vouchers", vouchers(b));
        return out;
    }

    /** CancelOrder: the whole order, only with the quantity that may be cancelled (Ctrip sends it); a retry: the same. */
    public ObjectNode cancel(Channel ch, JsonNode body) {
        String otaOrderId = required(body, "otaOrderId");
        String uuid = own(ch, otaOrderId, body);
        Booking b = call(CtripCode.NO_SUCH_ORDER, () -> bookings.get(ch, uuid));
        if (b.status() != BookingState.CANCELLED) {
            int used = count(view(b), true);
            if (used > 0) {
                throw new CtripException(CtripCode.NOT_CANCELLABLE, used + " of the tickets are used already");
            }
            JsonNode items = body.path("items");
            if (items.isArray() && !items.isEmpty()) {
                int asked = 0;
                for (JsonNode i : items) {
                    asked += i.path("quantity").asInt(0);
                }
                if (asked != b.quantity()) {
                    throw new CtripException(
                            CtripCode.CANCEL_QUANTITY,
                            "cancel quantity " + asked + " is not the cancellable quantity " + b.quantity());
                }
            }
            b = call(
                    CtripCode.NOT_CANCELLABLE,
                    () -> bookings.cancel(ch, uuid, new BookingCommands.Cancel(text(body, "cancelReason"))));
        }
        ObjectNode out = answer(otaOrderId, b);
        out.put("supplierConfirmType", 1);
        return out;
    }

    /** QueryOrder: the order's status and quantities per Ctrip item. */
    public ObjectNode query(Channel ch, JsonNode body) {
        String otaOrderId = required(body, "otaOrderId");
        String uuid = own(ch, otaOrderId, body);
        Booking b = call(CtripCode.NO_SUCH_ORDER, () -> bookings.get(ch, uuid));
        ObjectNode out = answer(otaOrderId, b);
        ArrayNode items = out.putArray("items");
        usage(view(b)).forEach((itemId, q) -> {
            ObjectNode i = items.addObject();
            i.put("itemId", itemId);
            i.put("useStartDate", b.localDate().toString());
            i.put("useEndDate", b.localDate().toString());
            i.put("orderStatus", orderStatus(b.status(), q[1], q[0]));
            i.put("quantity", q[0]);
            i.put("useQuantity", q[1]);
            i.put("cancelQuantity", b.status() == BookingState.CANCELLED ? q[0] : 0);
        });
        return out;
    }

    /** SendVoucher: the vouchers of a confirmed order again (this server sends no SMS itself; Ctrip shows them). */
    public ObjectNode sendVoucher(Channel ch, JsonNode body) {
        String otaOrderId = required(body, "otaOrderId");
        String uuid = own(ch, otaOrderId, body);
        Booking b = call(CtripCode.NO_SUCH_ORDER, () -> bookings.get(ch, uuid));
        if (!b.status().isSold()) {
            throw new CtripException(CtripCode.NO_SUCH_ORDER, "the order is " + b.status() + ", it has no vouchers");
        }
        ObjectNode out = answer(otaOrderId, b);
        out.set("vouchers", vouchers(b));
        return out;
    }

    /**
     * Ctrip's order status of an item (our table, docs/resellers-ctrip.md): 1 awaiting payment, 2 confirmed and
     * unused, 3 partly used, 4 used, 5 cancelled, 6 expired unpaid.
     */
    static int orderStatus(BookingState s, int used, int quantity) {
        return switch (s) {
            case ON_HOLD -> 1;
            case CONFIRMED, REDEEMED -> used == 0 ? 2 : used < quantity ? 3 : 4;
            case CANCELLED -> 5;
            case EXPIRED -> 6;
        };
    }

    private io.scenicpass.channel.model.Booking view(Booking b) {
        return bookings.view(b);
    }

    private ArrayNode vouchers(Booking b) {
        ArrayNode out = CtripEnvelope.object().arrayNode();
        for (UnitItem ui : view(b).getUnitItems()) {
            String code = passCode(ui);
            if (code != null) {
                ObjectNode v = out.addObject();
                v.put("itemId", ui.getResellerReference());
                v.put("voucherType", 1); // a code the visitor shows as a QR code (docs/resellers-ctrip.md)
                v.put("voucherCode", code);
                v.put("voucherData", "");
            }
        }
        return out;
    }

    /** The pass code of a unit item (its QR code's value), or null before it is issued. */
    static String passCode(UnitItem ui) {
        if (ui.getTicket() == null || ui.getTicket().getDeliveryOptions() == null) {
            return null;
        }
        for (DeliveryOption d : ui.getTicket().getDeliveryOptions()) {
            if (d.getDeliveryFormat() == DeliveryFormat.QRCODE) {
                return d.getDeliveryValue();
            }
        }
        return null;
    }

    static boolean redeemed(UnitItem ui) {
        return ui.getUtcRedeemedAt() != null
                || (ui.getTicket() != null && ui.getTicket().getUtcRedeemedAt() != null);
    }

    /** Per Ctrip item (in the order's order): its tickets and how many of them are used. */
    static Map<String, int[]> usage(io.scenicpass.channel.model.Booking v) {
        Map<String, int[]> byItem = new LinkedHashMap<>();
        for (UnitItem ui : v.getUnitItems()) {
            int[] q = byItem.computeIfAbsent(String.valueOf(ui.getResellerReference()), k -> new int[2]);
            q[0]++;
            q[1] += redeemed(ui) ? 1 : 0;
        }
        return byItem;
    }

    static int count(io.scenicpass.channel.model.Booking v, boolean used) {
        int n = 0;
        for (UnitItem ui : v.getUnitItems()) {
            n += redeemed(ui) == used ? 1 : 0;
        }
        return n;
    }

    private static ObjectNode answer(String otaOrderId, Booking b) {
        ObjectNode out = CtripEnvelope.object();
        out.put("otaOrderId", otaOrderId);
        out.put("supplierOrderId", b.uuid());
        return out;
    }

    /** The booking uuid of the channel's order; a given supplierOrderId must be that one. */
    private static String own(Channel ch, String otaOrderId, JsonNode body) {
        String uuid = uuidOf(ch.id(), otaOrderId);
        String given = text(body, "supplierOrderId");
        if (given != null && !given.isEmpty() && !given.equals(uuid)) {
            throw new CtripException(CtripCode.NO_SUCH_ORDER, "supplierOrderId is not this order's");
        }
        return uuid;
    }

    private record Found(CatalogueService.ProductView product, CatalogueService.OptionView option, Unit unit) {}

    /** A PLU is the id of one of our units (ticket types) sold to this channel. */
    private Found plu(Channel ch, String plu) {
        for (CatalogueService.ProductView p : catalogue.products(ch.id())) {
            for (CatalogueService.OptionView o : p.options()) {
                for (Unit u : o.units()) {
                    if (u.id().equals(plu)) {
                        return new Found(p, o, u);
                    }
                }
            }
        }
        throw new CtripException(CtripCode.UNKNOWN_PLU, "unknown PLU " + plu);
    }

    /** The first open slot of the date with room for all: Ctrip sells by date (docs/resellers-ctrip.md). */
    private String slot(
            Channel ch, CatalogueService.ProductView p, CatalogueService.OptionView o, LocalDate date, int quantity) {
        String open = null;
        for (InventoryService.SlotView v : inventory.availability(p.product(), o.option(), date, date, ch.id())) {
            if (v.slot().closed()) {
                continue;
            }
            open = open == null ? v.slot().localStart() : open;
            if (v.vacancies() >= quantity) {
                return v.slot().localStart(); // the availability id
            }
        }
        if (open == null) {
            throw new CtripException(CtripCode.DATE_NOT_SOLD, "nothing is sold for " + date);
        }
        return open; // full: the booking service refuses it (sold out), or replays a retried order made before
    }

    /** Ctrip's passengers, in order, as the visitors' documents (one per unit item, in the items' order). */
    private static List<IdentityInput> passengers(JsonNode passengers) {
        List<IdentityInput> out = new ArrayList<>();
        if (passengers.isArray()) {
            for (JsonNode p : passengers) {
                String number = text(p, "cardNo");
                out.add(
                        number == null || number.isBlank()
                                ? null
                                : new IdentityInput(
                                        documentType(text(p, "cardType")),
                                        number,
                                        text(p, "name"),
                                        text(p, "nationality")));
            }
        }
        return out;
    }

    /** Ctrip's card types onto ours: 1 ID card, 2 passport, 7/10 Hong Kong-Macao permit, 8 Taiwan permit, 20 PR card. */
    static String documentType(String cardType) {
        return switch (cardType == null ? "" : cardType.trim()) {
            case "1" -> "CN_ID";
            case "2" -> "PASSPORT";
            case "7", "10" -> "HK_MO_PERMIT";
            case "8" -> "TW_PERMIT";
            case "20" -> "FOREIGNER_PR";
            default -> "OTHER";
        };
    }

    private static Contact contact(JsonNode contacts) {
        JsonNode c = contacts.isArray() && !contacts.isEmpty() ? contacts.get(0) : contacts;
        if (c == null || !c.isObject()) {
            return null;
        }
        return new Contact()
                .fullName(text(c, "name"))
                .phoneNumber(text(c, "mobile"))
                .emailAddress(text(c, "email"));
    }

    /**
     * The order's fingerprint for the booking service's idempotency: the items and contacts as sent (a retry of the
     * same order matches, the same order id with other items is refused); documents enter only as a keyed digest.
     */
    private static String fingerprint(JsonNode body) {
        ObjectNode f = CtripEnvelope.object();
        f.set("items", body.path("items"));
        f.set("contacts", body.path("contacts"));
        return ChannelService.sha256Hex("ctrip:" + f);
    }

    private static LocalDate date(String s, String field) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new CtripException(CtripCode.UNREADABLE, field + " must be yyyy-MM-dd");
        }
    }

    static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank() || v.length() > 64) {
            throw new CtripException(CtripCode.UNREADABLE, field + " is required (at most 64 characters)");
        }
        return v;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** Runs a booking service call, its problems as Ctrip codes ({@code unprocessable}: what "not possible" means here). */
    private static <T> T call(CtripCode unprocessable, java.util.function.Supplier<T> call) {
        return call(unprocessable, CtripCode.NO_SUCH_ORDER, call);
    }

    /** {@code unknownBooking}: what an INVALID_BOOKING_UUID means here (on create: the order id used for another). */
    private static <T> T call(CtripCode unprocessable, CtripCode unknownBooking, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.startsWith("unitItems[") && m.contains("].identity")) { // the identity service's visitor problems
                throw new CtripException(CtripCode.BAD_VISITOR, m.replace("unitItems[", "visitor["));
            }
            CtripCode code = CtripCode.of(e.problem(), unprocessable);
            throw new CtripException(code == CtripCode.NO_SUCH_ORDER ? unknownBooking : code, m);
        }
    }
}
