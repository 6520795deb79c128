package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A slot this box office may sell offline, as the server reserved it ({@code GET /terminal/v1/counter/allotments}):
 * the places ({@link #quantity()}), those left on this device ({@link #remaining()}), the units with prices and the
 * claims its passes carry. Immutable.
 */
public final class OfflineAllotment {
    /** A unit sold from the allotment. */
    public static final class Unit {
        private final JsonNode n;

        Unit(JsonNode n) {
            this.n = n;
        }

        /** @return the unit id */
        public String id() {
            return n.path("id").asText();
        }

        /** @return ADULT, CHILD… */
        public String type() {
            return n.path("type").asText();
        }

        /** @return the unit's name */
        public String name() {
            return n.path("name").asText();
        }

        /** @return the price in fen */
        public long priceFen() {
            return n.path("priceFen").asLong();
        }

        /** @return places (visitors) one item of this unit takes */
        public int paxCount() {
            return Math.max(1, n.path("paxCount").asInt(1));
        }

        boolean concession() {
            return n.path("concession").asBoolean(false);
        }

        Integer minAge() {
            return n.hasNonNull("minAge") ? n.get("minAge").asInt() : null;
        }

        Integer maxAge() {
            return n.hasNonNull("maxAge") ? n.get("maxAge").asInt() : null;
        }
    }

    private final JsonNode n;
    private final String issuerId;
    private final int soldHere;

    OfflineAllotment(JsonNode n, String issuerId, int soldHere) {
        this.n = n;
        this.issuerId = issuerId;
        this.soldHere = soldHere;
    }

    /** @return the slot id */
    public String slotId() {
        return n.path("slotId").asText();
    }

    /** @return the product id */
    public String productId() {
        return n.path("productId").asText();
    }

    /** @return the product's name */
    public String productName() {
        return n.path("productName").asText();
    }

    /** @return when the slot starts */
    public Instant start() {
        return Instant.parse(n.path("start").asText());
    }

    /** @return when the slot ends */
    public Instant end() {
        return Instant.parse(n.path("end").asText());
    }

    /** @return the places reserved for this device */
    public int quantity() {
        return n.path("quantity").asInt();
    }

    /** @return the places of this device's sales the server had recorded when the allotment was fetched */
    public int syncedSold() {
        return n.path("sold").asInt();
    }

    /** @return the places this device may still sell: never below zero, never more than the allotment has left */
    public int remaining() {
        return Math.max(0, quantity() - Math.max(syncedSold(), soldHere));
    }

    /** @return the units on sale, with prices */
    public List<Unit> units() {
        List<Unit> out = new ArrayList<>();
        n.path("units").forEach(u -> out.add(new Unit(u)));
        return Collections.unmodifiableList(out);
    }

    Unit unit(String unitId) {
        for (Unit u : units()) {
            if (u.id().equals(unitId)) {
                return u;
            }
        }
        return null;
    }

    String issuerId() {
        return issuerId;
    }

    JsonNode pass() {
        return n.path("pass");
    }

    OfflineAllotment soldHere(int places) {
        return new OfflineAllotment(n, issuerId, places);
    }

    @Override
    public String toString() {
        return "OfflineAllotment{slot=" + slotId() + ", quantity=" + quantity() + ", remaining=" + remaining() + "}";
    }
}
