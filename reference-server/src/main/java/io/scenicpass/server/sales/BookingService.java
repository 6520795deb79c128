package io.scenicpass.server.sales;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.identity.Document;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.sales.internal.HoldCombiner;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bookings: reserve (an atomic hold, here), then confirm (sell + issue passes), extend, update, cancel (release +
 * revoke) in {@link BookingLifecycle}. Every state change is a compare-and-set on the booking status in the same
 * transaction as the inventory counters, the passes and the webhook outbox row, so retries and races can never
 * double-sell or double-issue.
 */
public final class BookingService {
    /** Most unit items one booking may carry. */
    public static final int MAX_UNITS = 50;

    private final Database db;
    private final BookingStore bookings;
    private final CatalogueService catalogueService;
    private final InventoryService inventory;
    private final HoldCombiner combiner;
    private final BookingLifecycle lifecycle;
    private final HoldPolicy holds;
    private final Ids ids;
    private final Clock clock;
    private final IdentityService identities;
    private volatile Discounts discounts = Discounts.NONE;

    BookingService(
            Database db,
            BookingStore bookings,
            CatalogueService catalogueService,
            InventoryService inventory,
            HoldCombiner combiner,
            BookingLifecycle lifecycle,
            HoldPolicy holds,
            Ids ids,
            Clock clock,
            IdentityService identities) {
        this.identities = identities;
        this.db = db;
        this.bookings = bookings;
        this.catalogueService = catalogueService;
        this.inventory = inventory;
        this.combiner = combiner;
        this.lifecycle = lifecycle;
        this.holds = holds;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Reserves (holds) places. Idempotent by uuid: the same uuid and request return the same booking. Without a uuid
     * (OCTO makes it optional) the server names the booking with a fresh UUID, and there is nothing to replay.
     */
    public Booking reserve(Channel ch, BookingCommands.Reserve cmd) {
        String uuid = cmd.uuid();
        // the documents count in the fingerprint, as a keyed digest (request_hash must not reveal them)
        String fingerprint = identities.fingerprint(cmd.fingerprint(), documents(cmd.unitItems()));
        if (uuid == null) {
            return reserveNew(ch, cmd.withUuid(ids.uuidV7().toString()), fingerprint);
        }
        if (!uuid.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "uuid must be 1-64 of [A-Za-z0-9_-]", uuid);
        }
        try {
            return reserveNew(ch, cmd, fingerprint);
        } catch (ServiceException e) {
            // a retry of an earlier reservation may no longer validate (slot over, sold out): answer the original
            Booking existing = db.read(c -> bookings.find(c, uuid).orElse(null));
            if (existing != null) {
                return replay(ch, existing, fingerprint);
            }
            throw e;
        }
    }

    private Booking reserveNew(Channel ch, BookingCommands.Reserve cmd, String fingerprint) {
        if (cmd.productId() == null) {
            throw new ServiceException(Problem.INVALID_PRODUCT_ID, "productId is required", null);
        }
        CatalogueService.ProductView pv = catalogueService.product(cmd.productId(), ch.id());
        CatalogueService.OptionView ov = pv.optionOrDefault(cmd.optionId());
        if (ov == null) {
            throw new ServiceException(Problem.INVALID_OPTION_ID, "unknown option", cmd.optionId());
        }
        List<BookingCommands.Item> items = cmd.unitItems();
        UnitItems.Built built = UnitItems.build(ov, items, List.of(), ids);
        int quantity = built.quantity();
        List<Unit> units = built.units();
        Duration holdLength = holds.length(cmd.expirationMinutes());
        if (cmd.availabilityId() == null) {
            throw new ServiceException(Problem.INVALID_AVAILABILITY_ID, "availabilityId is required", null);
        }
        Product product = pv.product();
        Slot slot = inventory
                .slotForReserve(product, ov.option(), cmd.availabilityId())
                .orElseThrow(() -> new ServiceException(
                        Problem.INVALID_AVAILABILITY_ID, "unknown availability", cmd.availabilityId()));
        Instant now = clock.instant();
        if (!now.isBefore(slot.endAt())) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "this slot is over", slot.localStart());
        }
        Map<Integer, Document> documents = identities.check(documents(items), units, slot.localDate());
        // offers and codes last, after every other check: what they claim is given back if the hold fails below
        BookingCommands.OfferCode offer = cmd.offer();
        List<Booking.UnitItem> unitItems = discounts
                .price(new Discounts.Request(
                        cmd.uuid(),
                        ch,
                        product,
                        ov.option().id(),
                        slot.localDate(),
                        built.items(),
                        units,
                        offer == null ? null : offer.code(),
                        offer == null ? null : offer.visitor()))
                .items();
        try {
            return hold(ch, cmd, fingerprint, product, slot, quantity, unitItems, documents, now, holdLength);
        } catch (RuntimeException e) {
            discounts.release(cmd.uuid()); // only when no booking has this uuid (a retry keeps its claim)
            throw e;
        }
    }

    private Booking hold(
            Channel ch,
            BookingCommands.Reserve cmd,
            String fingerprint,
            Product product,
            Slot slot,
            int quantity,
            List<Booking.UnitItem> unitItems,
            Map<Integer, Document> documents,
            Instant now,
            Duration holdLength) {
        BookingCommands.Details d = cmd.details();
        Booking draft = Booking.newHold(
                        cmd.uuid(),
                        ch.id(),
                        fingerprint,
                        product,
                        slot,
                        quantity,
                        unitItems,
                        supplierRef(),
                        now,
                        now.plus(holdLength))
                .withDetails(d.resellerReference(), d.contactJson(), d.notes());
        int q = quantity;
        try {
            try {
                return held(insertHold(ch, draft, slot, q, documents));
            } catch (ServiceException e) {
                // Sold out? Expired holds may still occupy the slot: give them back (lazy check) and try once more.
                if (e.problem() == Problem.UNPROCESSABLE_ENTITY && inventory.expireDueHolds(slot.id()) > 0) {
                    return held(insertHold(ch, draft, slot, q, documents));
                }
                throw e;
            }
        } catch (StoreException e) {
            if (e.isUniqueViolation()) { // the same uuid raced in concurrently
                Booking winner = db.read(c -> bookings.find(c, cmd.uuid()).orElseThrow(() -> e));
                return replay(ch, winner, fingerprint);
            }
            throw e;
        }
    }

    /** Where reservations are priced (the offers feature); also what the OCTO views show as applied. */
    public void discounts(Discounts d) {
        discounts = d;
        lifecycle.discounts(d);
    }

    /** What offers took off a booking's prices (empty: nothing), for the pages and answers that show the price. */
    public List<Discounts.Applied> discountsOf(String bookingUuid) {
        return db.read(c -> discounts.applied(c, bookingUuid));
    }

    /** The partners' vouchers of a sold package booking (empty: none), for receipts. */
    public List<BookingParts.Voucher> vouchersOf(String bookingUuid) {
        return db.read(c -> inventory.parts.get().vouchers(c, bookingUuid));
    }

    /** The automatic offers a booking fitted but did not get, with why (empty: none), shown next to its price. */
    public List<Discounts.Declined> declinedOf(String bookingUuid) {
        return db.read(c -> discounts.declined(c, bookingUuid));
    }

    /** A hold was committed: availability answers cached on this node are out of date. */
    private Booking held(Booking b) {
        inventory.slotChanged(b.optionId(), b.poolId());
        return b;
    }

    private Booking insertHold(Channel ch, Booking draft, Slot slot, int quantity, Map<Integer, Document> documents) {
        if (draft.poolId() == null
                && documents.isEmpty()
                && !inventory.places().hasAllotment(slot.id(), ch.id())
                && !inventory.parts.get().has(draft.productId())) {
            // the common case: concurrent holds on this slot are combined into one conditional update and one
            // statement (PostgreSQL) / transaction (H2); see HoldCombiner
            if (!combiner.hold(draft)) {
                throw db.read(c -> inventory.places().refusal(c, slot));
            }
            return draft;
        }
        // H2 queues the holds of one slot in the JVM (it answers a locked row with sleep-and-retry), PostgreSQL on
        // the row lock; correctness still comes from the database
        return db.dialect().onHotRow(slot.id(), () -> insertHoldTx(ch, draft, slot, quantity, documents));
    }

    private Booking insertHoldTx(Channel ch, Booking draft, Slot slot, int quantity, Map<Integer, Document> documents) {
        return db.tx(c -> {
            // insert first and take the counters last: the hot slot row stays locked only until the commit
            bookings.insert(c, draft);
            identities.record(c, draft, documents); // documents and per-document limits, or nothing at all
            int fromAllotment = inventory.places().hold(c, slot, draft.poolId(), ch.id(), quantity);
            inventory.parts.get().held(c, draft, draft.createdAt()); // a package's partner allotments, or a refusal
            if (fromAllotment > 0) {
                bookings.setFromAllotment(c, draft.uuid(), fromAllotment);
                return bookings.find(c, draft.uuid()).orElseThrow();
            }
            return draft;
        });
    }

    private Booking replay(Channel ch, Booking existing, String fingerprint) {
        if (!existing.channelId().equals(ch.id())) {
            throw new ServiceException(Problem.INVALID_BOOKING_UUID, "uuid already used", existing.uuid());
        }
        if (!existing.requestHash().equals(fingerprint)) {
            throw new ServiceException(
                    Problem.INVALID_BOOKING_UUID,
                    "this uuid was already used for a different reservation request",
                    existing.uuid());
        }
        return get(ch, existing.uuid());
    }

    /** Confirms a hold: sells the places and issues the passes, once. A retried confirm returns the same booking. */
    public Booking confirm(Channel ch, String uuid, BookingCommands.Confirm cmd) {
        return lifecycle.confirm(ch, uuid, cmd);
    }

    /** Extends a hold. */
    public Booking extend(Channel ch, String uuid, BookingCommands.Extend cmd) {
        return lifecycle.extend(ch, uuid, cmd);
    }

    /** Updates reseller reference, contact and notes. */
    public Booking update(Channel ch, String uuid, BookingCommands.Update cmd) {
        return lifecycle.update(ch, uuid, cmd);
    }

    /** Cancels a hold or (before the cutoff) a confirmed booking: places go back, passes are revoked. */
    public Booking cancel(Channel ch, String uuid, BookingCommands.Cancel cmd) {
        return lifecycle.cancel(ch, uuid, cmd);
    }

    /** A channel's own booking (others' bookings look unknown); expires a due hold on the way. */
    public Booking get(Channel ch, String uuid) {
        return lifecycle.get(ch, uuid);
    }

    /**
     * A page of a channel's bookings filtered by references or local date range: at most {@code limit} from
     * {@code offset}, newest first (ties by uuid).
     */
    public List<Booking> list(
            Channel ch, String resellerRef, String supplierRef, LocalDate from, LocalDate to, int offset, int limit) {
        return lifecycle.list(ch, resellerRef, supplierRef, from, to, offset, limit);
    }

    /** The OCTO view of a booking. */
    public io.scenicpass.channel.model.Booking view(Booking b) {
        return db.read(c -> lifecycle.view(c, b));
    }

    /** The documents given with the unit items, by position (null where none). */
    private static List<IdentityInput> documents(List<BookingCommands.Item> items) {
        List<IdentityInput> out = new ArrayList<>();
        if (items != null) {
            items.forEach(i -> out.add(i == null ? null : i.identity()));
        }
        return out;
    }

    /**
     * A supplier reference: 26 characters in creation order (Ids.sortableId), so the unique index on booking
     * references grows at its right edge (docs/benchmarks.md § "reference-server hot-slot reservation").
     */
    private String supplierRef() {
        return ids.sortableId();
    }
}
