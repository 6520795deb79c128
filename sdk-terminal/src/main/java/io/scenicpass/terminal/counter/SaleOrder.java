package io.scenicpass.terminal.counter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a visitor chose at the counter: one product and slot, one item per ticket (unit, and the holder's document
 * when the product is real-name). The {@link #saleId()} is the device's idempotency key: selling the same order
 * again (a retry after a timeout) returns the same sale, never a second booking.
 *
 * <pre>{@code
 * SaleOrder order = SaleOrder.builder("park-entry", slotId)
 *     .item("adult", Holder.fromIdCard(card1))
 *     .item("adult", Holder.fromIdCard(card2))
 *     .build();
 * }</pre>
 */
public final class SaleOrder {
    /** One ticket of the order. */
    public static final class Item {
        private final String unitId;
        private final Holder holder;

        private Item(String unitId, Holder holder) {
            this.unitId = Objects.requireNonNull(unitId, "unitId");
            this.holder = holder;
        }

        /** @return the unit (ticket type) id */
        public String unitId() {
            return unitId;
        }

        /** @return the holder, for a real-name product */
        public Optional<Holder> holder() {
            return Optional.ofNullable(holder);
        }
    }

    private final String saleId;
    private final String productId;
    private final String slotId;
    private final List<Item> items;
    private final String shiftId;

    private SaleOrder(Builder b) {
        this.saleId = b.saleId;
        this.productId = b.productId;
        this.slotId = b.slotId;
        this.items = Collections.unmodifiableList(new ArrayList<>(b.items));
        this.shiftId = b.shiftId;
    }

    /**
     * @param productId the product
     * @param slotId the slot (time window) of the visit
     * @return a builder with a fresh sale id
     */
    public static Builder builder(String productId, String slotId) {
        return new Builder(productId, slotId);
    }

    /** @return the device's id of this sale (a UUID) */
    public String saleId() {
        return saleId;
    }

    /** @return the product id */
    public String productId() {
        return productId;
    }

    /** @return the slot id */
    public String slotId() {
        return slotId;
    }

    /** @return the items, one per ticket */
    public List<Item> items() {
        return items;
    }

    /** @return the box office shift this sale belongs to, if any */
    public Optional<String> shiftId() {
        return Optional.ofNullable(shiftId);
    }

    @Override
    public String toString() {
        return "SaleOrder{" + saleId + ", " + productId + "/" + slotId + ", items=" + items.size() + "}";
    }

    /** Builder for {@link SaleOrder}. */
    public static final class Builder {
        private String saleId = UUID.randomUUID().toString();
        private final String productId;
        private final String slotId;
        private final List<Item> items = new ArrayList<>();
        private String shiftId;

        private Builder(String productId, String slotId) {
            this.productId = Objects.requireNonNull(productId, "productId");
            this.slotId = Objects.requireNonNull(slotId, "slotId");
        }

        /** @param saleId the sale id to use instead of a fresh UUID (resuming after a restart) @return this */
        public Builder saleId(String saleId) {
            this.saleId =
                    UUID.fromString(Objects.requireNonNull(saleId, "saleId")).toString();
            return this;
        }

        /** @param unitId a ticket of this unit without a named holder @return this */
        public Builder item(String unitId) {
            items.add(new Item(unitId, null));
            return this;
        }

        /** @param unitId a ticket of this unit @param holder its holder's document @return this */
        public Builder item(String unitId, Holder holder) {
            items.add(new Item(unitId, Objects.requireNonNull(holder, "holder")));
            return this;
        }

        /** @param shiftId the box office shift @return this */
        public Builder shiftId(String shiftId) {
            this.shiftId = shiftId;
            return this;
        }

        /** @return the order (at least one item) */
        public SaleOrder build() {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("a sale has at least one item");
            }
            return new SaleOrder(this);
        }
    }
}
