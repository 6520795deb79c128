package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.wire.WireJson;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The counter API's JSON, read into the public nouns and written from a {@link SaleOrder}. */
final class CounterWire {
    static final ObjectMapper JSON = WireJson.mapper();

    private CounterWire() {}

    static JsonNode tree(byte[] json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
        }
    }

    static ObjectNode order(SaleOrder order) {
        ObjectNode n = JSON.createObjectNode();
        n.put("saleId", order.saleId());
        n.put("productId", order.productId());
        n.put("slotId", order.slotId());
        ArrayNode items = n.putArray("items");
        for (SaleOrder.Item item : order.items()) {
            ObjectNode i = items.addObject();
            i.put("unitId", item.unitId());
            item.holder().ifPresent(h -> {
                ObjectNode id = i.putObject("identity");
                id.put("type", h.type().name());
                id.put("number", h.number());
                id.put("name", h.name());
                h.birthDate().ifPresent(d -> id.put("birthDate", d.toString()));
                h.country().ifPresent(c -> id.put("country", c));
            });
        }
        order.shiftId().ifPresent(s -> n.put("shiftId", s));
        return n;
    }

    static Sale sale(JsonNode n) {
        try {
            JsonNode p = n.path("payment");
            Sale.Payment payment = p.isObject()
                    ? new Sale.Payment(
                            text(p, "id"),
                            PaymentMethod.valueOf(required(p, "method")),
                            text(p, "state"),
                            text(p, "codeUrl"))
                    : null;
            List<Ticket> tickets = new ArrayList<>();
            for (JsonNode t : n.path("tickets")) {
                tickets.add(ticket(t));
            }
            return new Sale(
                    required(n, "saleId"),
                    text(n, "deviceId"),
                    Sale.State.of(required(n, "state")),
                    text(n, "productId"),
                    text(n, "slotId"),
                    n.path("amountFen").asLong(),
                    text(n, "currency"),
                    text(n, "bookingId"),
                    text(n, "bookingCode"),
                    instant(text(n, "expiresAt")),
                    payment,
                    tickets,
                    text(n.path("receipt"), "invoiceUrl"),
                    vouchers(n.path("vouchers")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable sale: " + e.getMessage(), e);
        }
    }

    /** A paid package sale's partner vouchers ({@code [{code, item, day, places, url}]}; absent: none). */
    static List<Voucher> vouchers(JsonNode list) {
        List<Voucher> out = new ArrayList<>();
        for (JsonNode v : list) {
            String day = text(v, "day");
            out.add(new Voucher(
                    required(v, "code"),
                    text(v, "item"),
                    day == null ? null : java.time.LocalDate.parse(day),
                    v.path("places").asInt(),
                    text(v, "url")));
        }
        return out;
    }

    /** One ticket of a sale or a pick-up ({@code {passId, qrText, unitId, unitName, holder, productName, slotStart}}). */
    static Ticket ticket(JsonNode t) {
        return new Ticket(
                required(t, "passId"),
                required(t, "qrText"),
                required(t, "unitId"),
                text(t, "unitName"),
                holder(t.path("holder")),
                text(t, "productName"),
                instant(text(t, "slotStart")));
    }

    static CatalogueDay catalogue(JsonNode n) {
        try {
            List<CatalogueDay.Product> products = new ArrayList<>();
            for (JsonNode p : n.path("products")) {
                List<CatalogueDay.Unit> units = new ArrayList<>();
                for (JsonNode u : p.path("units")) {
                    units.add(new CatalogueDay.Unit(
                            required(u, "id"),
                            text(u, "type"),
                            text(u, "name"),
                            u.path("priceFen").asLong()));
                }
                List<CatalogueDay.Slot> slots = new ArrayList<>();
                for (JsonNode s : p.path("slots")) {
                    slots.add(new CatalogueDay.Slot(
                            required(s, "id"),
                            instant(text(s, "start")),
                            instant(text(s, "end")),
                            s.path("remaining").asInt()));
                }
                products.add(new CatalogueDay.Product(
                        required(p, "id"), text(p, "name"), p.path("realName").asBoolean(), units, slots));
            }
            return new CatalogueDay(LocalDate.parse(required(n, "date")), products);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable catalogue: " + e.getMessage(), e);
        }
    }

    /** The masked holder ({@code {type, number, name, country}}) as one printable line, e.g. {@code 张* 3301****1234}. */
    private static String holder(JsonNode h) {
        if (h.isTextual()) {
            return h.asText();
        }
        if (!h.isObject()) {
            return null;
        }
        String name = text(h, "name");
        String number = text(h, "number");
        String line = ((name == null ? "" : name) + " " + (number == null ? "" : number)).trim();
        return line.isEmpty() ? null : line;
    }

    /** An ISO-8601 instant or offset date-time (seconds optional); null stays null. */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(s).toInstant();
        }
    }

    static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return v;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
