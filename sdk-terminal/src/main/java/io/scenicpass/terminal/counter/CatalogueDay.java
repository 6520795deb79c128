package io.scenicpass.terminal.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the counter sells on one day: the products with their units (ticket types, prices) and slots (places left). */
public final class CatalogueDay {
    /** A product on sale. */
    public static final class Product {
        private final String id;
        private final String name;
        private final boolean realName;
        private final List<Unit> units;
        private final List<Slot> slots;

        Product(String id, String name, boolean realName, List<Unit> units, List<Slot> slots) {
            this.id = Objects.requireNonNull(id, "id");
            this.name = name == null ? id : name;
            this.realName = realName;
            this.units = Collections.unmodifiableList(units);
            this.slots = Collections.unmodifiableList(slots);
        }

        /** @return the product id */
        public String id() {
            return id;
        }

        /** @return its name */
        public String name() {
            return name;
        }

        /** @return true when every ticket needs its holder's document */
        public boolean realName() {
            return realName;
        }

        /** @return the units (ticket types) */
        public List<Unit> units() {
            return units;
        }

        /** @return the slots of the day */
        public List<Slot> slots() {
            return slots;
        }

        /** @param unitId a unit id @return that unit */
        public Optional<Unit> unit(String unitId) {
            return units.stream().filter(u -> u.id().equals(unitId)).findFirst();
        }

        /** @param slotId a slot id @return that slot */
        public Optional<Slot> slot(String slotId) {
            return slots.stream().filter(s -> s.id().equals(slotId)).findFirst();
        }
    }

    /** A unit (ticket type) and its price. */
    public static final class Unit {
        private final String id;
        private final String type;
        private final String name;
        private final long priceFen;

        Unit(String id, String type, String name, long priceFen) {
            this.id = Objects.requireNonNull(id, "id");
            this.type = type == null ? "" : type;
            this.name = name == null ? id : name;
            this.priceFen = priceFen;
        }

        /** @return the unit id */
        public String id() {
            return id;
        }

        /** @return its type (ADULT, CHILD, SENIOR …) */
        public String type() {
            return type;
        }

        /** @return its name */
        public String name() {
            return name;
        }

        /** @return the price in fen */
        public long priceFen() {
            return priceFen;
        }
    }

    /** A time window of the day and the places left in it. */
    public static final class Slot {
        private final String id;
        private final Instant start;
        private final Instant end;
        private final int remaining;

        Slot(String id, Instant start, Instant end, int remaining) {
            this.id = Objects.requireNonNull(id, "id");
            this.start = start;
            this.end = end;
            this.remaining = remaining;
        }

        /** @return the slot id */
        public String id() {
            return id;
        }

        /** @return when it starts */
        public Instant start() {
            return start;
        }

        /** @return when it ends */
        public Instant end() {
            return end;
        }

        /** @return places left now */
        public int remaining() {
            return remaining;
        }
    }

    private final LocalDate date;
    private final List<Product> products;

    CatalogueDay(LocalDate date, List<Product> products) {
        this.date = Objects.requireNonNull(date, "date");
        this.products = Collections.unmodifiableList(products);
    }

    /** @return the day */
    public LocalDate date() {
        return date;
    }

    /** @return the products on sale that day */
    public List<Product> products() {
        return products;
    }

    /** @param productId a product id @return that product */
    public Optional<Product> product(String productId) {
        return products.stream().filter(p -> p.id().equals(productId)).findFirst();
    }
}
