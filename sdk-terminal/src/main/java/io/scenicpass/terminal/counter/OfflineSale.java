package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sale made offline and journaled: its id (the server's idempotency key), slot, amount and the signed passes to
 * print. The JSON form is both the journal record and the sale as {@code POST /terminal/v1/counter/offline-sales}
 * takes it. Immutable.
 */
public final class OfflineSale {
    /** One printed pass of the sale. */
    public static final class Ticket {
        private final String unitId;
        private final String passId;
        private final String passText;

        Ticket(String unitId, String passId, String passText) {
            this.unitId = unitId;
            this.passId = passId;
            this.passText = passText;
        }

        /** @return the unit */
        public String unitId() {
            return unitId;
        }

        /** @return the pass id */
        public String passId() {
            return passId;
        }

        /** @return the signed pass text (the QR code's content) */
        public String passText() {
            return passText;
        }
    }

    private final ObjectNode json;

    private OfflineSale(ObjectNode json) {
        this.json = json;
    }

    static OfflineSale of(
            String saleId,
            OfflineAllotment a,
            String method,
            String shiftId,
            Instant soldAt,
            long amountFen,
            int places,
            List<OfflineItem> items,
            List<Ticket> tickets) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("saleId", saleId);
        o.put("slotId", a.slotId());
        o.put("productId", a.productId());
        o.put("method", method);
        o.put("shiftId", shiftId);
        o.put("soldAt", soldAt.toString());
        o.put("amountFen", amountFen);
        o.put("places", places);
        ArrayNode arr = o.putArray("items");
        for (int i = 0; i < items.size(); i++) {
            OfflineItem it = items.get(i);
            ObjectNode x = arr.addObject();
            x.put("unitId", tickets.get(i).unitId());
            x.put("passId", tickets.get(i).passId());
            x.put("passText", tickets.get(i).passText());
            if (it.documentType() != null) {
                x.putObject("identity")
                        .put("type", it.documentType())
                        .put("number", it.documentNumber())
                        .put("name", it.name());
            }
        }
        return new OfflineSale(o);
    }

    static OfflineSale fromJson(JsonNode n) {
        return new OfflineSale((ObjectNode) n);
    }

    /** The journal record and wire form (the caller must not change it). */
    ObjectNode json() {
        return json;
    }

    /** @return the sale's id (a UUID made by the device) */
    public String saleId() {
        return json.path("saleId").asText();
    }

    /** @return the slot sold */
    public String slotId() {
        return json.path("slotId").asText();
    }

    /** @return the product */
    public String productId() {
        return json.path("productId").asText();
    }

    /** @return CASH or CODE */
    public String method() {
        return json.path("method").asText();
    }

    /** @return the amount in fen */
    public long amountFen() {
        return json.path("amountFen").asLong();
    }

    /** @return the places the sale took from the allotment */
    public int places() {
        return json.path("places").asInt();
    }

    /** @return when the device sold it */
    public Instant soldAt() {
        return Instant.parse(json.path("soldAt").asText());
    }

    /** @return the passes, one per item */
    public List<Ticket> tickets() {
        List<Ticket> out = new ArrayList<>();
        json.path("items")
                .forEach(i -> out.add(new Ticket(
                        i.path("unitId").asText(),
                        i.path("passId").asText(),
                        i.path("passText").asText())));
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return "OfflineSale{saleId=" + saleId() + ", slot=" + slotId() + ", places=" + places() + "}";
    }
}
