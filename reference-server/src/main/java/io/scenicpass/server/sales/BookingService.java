package io.scenicpass.server.sales;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.sales.http.OctoViews;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingExtendRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.core.Ids;
import io.scenicpass.server.sales.internal.HoldCombiner;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Price;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.PassUseStore;
import io.scenicpass.server.sales.store.PassRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bookings: reserve (an atomic hold), confirm (sell + issue passes), extend, update, cancel (release + revoke).
 * Every state change is a compare-and-set on the booking status in the same transaction as the inventory
 * counters, the passes and the webhook outbox row, so retries and races can never double-sell or double-issue.
 */
public final class BookingService {
  /** Most unit items one booking may carry. */
  public static final int MAX_UNITS = 50;

  private final Database db;
  private final CatalogueStore catalogue;
  private final InventoryStore inventoryStore;
  private final BookingStore bookings;
  private final PassStore passes;
  /** Pass use, for the unit items of a REDEEMED booking (stateless). */
  private final PassUseStore passUse;
  private final InventoryService inventory;
  private final IssuanceService issuance;
  private final WebhookService webhooks;
  private final Ids ids;
  private final Clock clock;
  private final int holdDefaultMinutes;
  private final int holdMaxMinutes;
  private final CatalogueService catalogueService;
  private final HoldCombiner combiner;

  public BookingService(Database db, CatalogueStore catalogue, InventoryStore inventoryStore, BookingStore bookings,
      PassStore passes, InventoryService inventory, IssuanceService issuance, WebhookService webhooks, Ids ids,
      Clock clock, int holdDefaultMinutes, int holdMaxMinutes) {
    this.db = db;
    this.catalogue = catalogue;
    this.inventoryStore = inventoryStore;
    this.bookings = bookings;
    this.passes = passes;
    this.inventory = inventory;
    this.issuance = issuance;
    this.webhooks = webhooks;
    this.ids = ids;
    this.clock = clock;
    this.holdDefaultMinutes = holdDefaultMinutes;
    this.holdMaxMinutes = holdMaxMinutes;
    this.catalogueService = new CatalogueService(db, catalogue, clock);
    this.combiner = new HoldCombiner(db, bookings, inventoryStore);
    this.passUse = new PassUseStore(db.dialect());
  }

  /** Reserves (holds) places. Idempotent by uuid: the same uuid and body return the same booking. */
  public Booking reserve(Channel ch, BookingReservationRequest req) {
    String uuid = req.getUuid();
    if (uuid == null || !uuid.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new ServiceException(Problem.BAD_REQUEST, "uuid is required (1-64 of [A-Za-z0-9_-])", uuid);
    }
    String hash = requestHash(req);
    try {
      return reserveNew(ch, req, uuid, hash);
    } catch (ServiceException e) {
      // a retry of an earlier reservation may no longer validate (slot over, sold out): answer the original
      Booking existing = db.read(c -> bookings.find(c, uuid).orElse(null));
      if (existing != null) {
        return replay(ch, existing, hash);
      }
      throw e;
    }
  }

  private Booking reserveNew(Channel ch, BookingReservationRequest req, String uuid, String hash) {
    if (req.getProductId() == null) {
      throw new ServiceException(Problem.INVALID_PRODUCT_ID, "productId is required", null);
    }
    CatalogueService.ProductView pv = catalogueService.product(req.getProductId(), ch.id());
    CatalogueService.OptionView ov = req.getOptionId() == null ? defaultOption(pv) : pv.option(req.getOptionId());
    if (ov == null) {
      throw new ServiceException(Problem.INVALID_OPTION_ID, "unknown option", req.getOptionId());
    }
    List<UnitItemRequest> items = req.getUnitItems();
    if (items == null || items.isEmpty()) {
      throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "a booking needs at least one unit item");
    }
    if (items.size() > MAX_UNITS) {
      throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "at most " + MAX_UNITS + " unit items per booking");
    }
    int quantity = 0;
    long retail = 0;
    long net = 0;
    List<Booking.UnitItem> unitItems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      UnitItemRequest ui = items.get(i);
      Unit u = ui == null || ui.getUnitId() == null ? null : ov.unit(ui.getUnitId());
      if (u == null) {
        throw new ServiceException(Problem.INVALID_UNIT_ID, "unknown unit", ui == null ? null : ui.getUnitId());
      }
      Price price = ov.price(u.id());
      if (price == null) {
        throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "unit has no price for this channel", u.id());
      }
      quantity += u.paxCount();
      retail += price.retail();
      net += price.net();
      unitItems.add(new Booking.UnitItem(ids.uuidV7().toString(), i, u.id(), ui.getResellerReference(),
          supplierRef(), price.retail(), price.net(), null));
    }
    Integer minutes = req.getExpirationMinutes();
    int holdMinutes = minutes == null ? holdDefaultMinutes : minutes;
    if (holdMinutes < 1 || holdMinutes > holdMaxMinutes) {
      throw new ServiceException(Problem.BAD_REQUEST, "expirationMinutes must be 1.." + holdMaxMinutes);
    }
    if (req.getAvailabilityId() == null) {
      throw new ServiceException(Problem.INVALID_AVAILABILITY_ID, "availabilityId is required", null);
    }
    Product product = pv.product();
    Slot slot = inventory.slotForReserve(product, ov.option(), req.getAvailabilityId())
        .orElseThrow(() -> new ServiceException(Problem.INVALID_AVAILABILITY_ID, "unknown availability",
            req.getAvailabilityId()));
    Instant now = clock.instant();
    if (!now.isBefore(slot.endAt())) {
      throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "this slot is over", slot.localStart());
    }
    Booking draft = new Booking(uuid, ch.id(), product.id(), ov.option().id(), slot.id(), product.dayPool(),
        slot.localDate(), "ON_HOLD", quantity, 0, hash, req.getResellerReference(), supplierRef(),
        OctoViews.contactJson(req.getContact()), req.getNotes(), product.currency(), retail, net,
        now.plus(Duration.ofMinutes(holdMinutes)), now, now, null, null, null, null, null, unitItems);
    int q = quantity;
    try {
      try {
        return held(insertHold(ch, draft, slot, q));
      } catch (ServiceException e) {
        // Sold out? Expired holds may still occupy the slot: give them back (lazy check) and try once more.
        if (e.problem() == Problem.UNPROCESSABLE_ENTITY && inventory.expireDueHolds(slot.id()) > 0) {
          return held(insertHold(ch, draft, slot, q));
        }
        throw e;
      }
    } catch (StoreException e) {
      if (e.isUniqueViolation()) { // the same uuid raced in concurrently
        Booking winner = db.read(c -> bookings.find(c, uuid).orElseThrow(() -> e));
        return replay(ch, winner, hash);
      }
      throw e;
    }
  }

  /** A hold was committed: availability answers cached on this node are out of date. */
  private Booking held(Booking b) {
    inventory.slotChanged(b.optionId(), b.poolId());
    return b;
  }

  private Booking insertHold(Channel ch, Booking draft, Slot slot, int quantity) {
    if (draft.poolId() == null && !inventory.hasAllotment(slot.id(), ch.id())) {
      // the common case: concurrent holds on this slot are combined into one conditional update and one
      // statement (PostgreSQL) / transaction (H2); see HoldCombiner
      if (!combiner.hold(draft)) {
        throw db.read(c -> inventory.refusal(c, slot));
      }
      return draft;
    }
    // H2 queues the holds of one slot in the JVM (it answers a locked row with sleep-and-retry), PostgreSQL on
    // the row lock; correctness still comes from the database
    return db.dialect().onHotRow(slot.id(), () -> insertHoldTx(ch, draft, slot, quantity));
  }

  private Booking insertHoldTx(Channel ch, Booking draft, Slot slot, int quantity) {
    return db.tx(c -> {
      // insert first and take the counters last: the hot slot row stays locked only until the commit
      bookings.insert(c, draft);
      int fromAllotment = inventory.hold(c, slot, draft.poolId(), ch.id(), quantity);
      if (fromAllotment > 0) {
        bookings.setFromAllotment(c, draft.uuid(), fromAllotment);
        return bookings.find(c, draft.uuid()).orElseThrow();
      }
      return draft;
    });
  }

  private Booking replay(Channel ch, Booking existing, String hash) {
    if (!existing.channelId().equals(ch.id())) {
      throw new ServiceException(Problem.INVALID_BOOKING_UUID, "uuid already used", existing.uuid());
    }
    if (!existing.requestHash().equals(hash)) {
      throw new ServiceException(Problem.INVALID_BOOKING_UUID,
          "this uuid was already used for a different reservation request", existing.uuid());
    }
    return get(ch, existing.uuid());
  }

  /** Confirms a hold: sells the places and issues the passes, once. A retried confirm returns the same booking. */
  public Booking confirm(Channel ch, String uuid, BookingConfirmationRequest req) {
    Booking current = get(ch, uuid); // also expires the hold lazily
    switch (current.status()) {
      case "CONFIRMED":
      case "REDEEMED":
        return current;
      case "EXPIRED":
        throw new ServiceException(Problem.INVALID_BOOKING_UUID, "the hold has expired", uuid);
      case "ON_HOLD":
        break;
      default:
        throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "booking is " + current.status(), uuid);
    }
    Instant now = clock.instant();
    db.tx(c -> {
      Booking b = bookings.find(c, uuid).orElseThrow();
      if (!"ON_HOLD".equals(b.status())) {
        return null; // a concurrent confirm won; answer with its result below
      }
      if (!b.expiresAt().isAfter(now)) {
        inventory.expireIfDue(c, b);
        return null;
      }
      if (req != null) {
        bookings.updateDetails(c, uuid, req.getResellerReference(), OctoViews.contactJson(req.getContact()),
            req.getNotes(), now);
      }
      if (!bookings.transition(c, uuid, "ON_HOLD", "CONFIRMED", now)) {
        return null;
      }
      inventory.sell(c, b);
      Product product = catalogue.product(c, b.productId()).orElseThrow();
      Slot slot = inventoryStore.slot(c, b.slotId()).orElseThrow();
      issuance.issue(c, b, product, slot, units(c, b.optionId()));
      webhooks.enqueue(c, ch, WebhookEventType.BOOKING_CONFIRMED, view(c, bookings.find(c, uuid).orElseThrow()));
      return null;
    });
    inventory.slotChanged(current.optionId(), current.poolId());
    Booking after = get(ch, uuid);
    if ("EXPIRED".equals(after.status())) {
      throw new ServiceException(Problem.INVALID_BOOKING_UUID, "the hold has expired", uuid);
    }
    return after;
  }

  /** Extends a hold. */
  public Booking extend(Channel ch, String uuid, BookingExtendRequest req) {
    Booking b = get(ch, uuid);
    if ("EXPIRED".equals(b.status())) {
      throw new ServiceException(Problem.INVALID_BOOKING_UUID, "the hold has expired", uuid);
    }
    if (!"ON_HOLD".equals(b.status())) {
      throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "only a booking ON_HOLD can be extended", uuid);
    }
    int minutes = req == null || req.getExpirationMinutes() == null ? holdDefaultMinutes : req.getExpirationMinutes();
    if (minutes < 1 || minutes > holdMaxMinutes) {
      throw new ServiceException(Problem.BAD_REQUEST, "expirationMinutes must be 1.." + holdMaxMinutes);
    }
    Instant now = clock.instant();
    db.tx(c -> {
      bookings.setExpiry(c, uuid, now.plus(Duration.ofMinutes(minutes)), now);
      return null;
    });
    return get(ch, uuid);
  }

  /** Updates reseller reference, contact and notes. */
  public Booking update(Channel ch, String uuid, BookingUpdateRequest req) {
    Booking b = get(ch, uuid);
    if (req.getProductId() != null && !req.getProductId().equals(b.productId())
        || req.getOptionId() != null && !req.getOptionId().equals(b.optionId())
        || req.getAvailabilityId() != null || req.getUnitItems() != null && !req.getUnitItems().isEmpty()) {
      throw new ServiceException(Problem.UNPROCESSABLE_ENTITY,
          "changing product, option, availability or unit items is not supported: cancel and book again", uuid);
    }
    if (req.getExpirationMinutes() != null) {
      extend(ch, uuid, new BookingExtendRequest().expirationMinutes(req.getExpirationMinutes()));
    }
    db.tx(c -> {
      bookings.updateDetails(c, uuid, req.getResellerReference(), OctoViews.contactJson(req.getContact()),
          req.getNotes(), clock.instant());
      return null;
    });
    return get(ch, uuid);
  }

  /** Cancels a hold or (before the cutoff) a confirmed booking: places go back, passes are revoked. */
  public Booking cancel(Channel ch, String uuid, BookingCancellationRequest req) {
    Booking current = get(ch, uuid);
    String reason = req == null ? null : req.getReason();
    switch (current.status()) {
      case "CANCELLED":
        return current;
      case "ON_HOLD":
      case "CONFIRMED":
        break;
      default:
        throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "a booking " + current.status()
            + " cannot be cancelled", uuid);
    }
    Instant now = clock.instant();
    db.tx(c -> {
      Booking b = bookings.find(c, uuid).orElseThrow();
      if ("ON_HOLD".equals(b.status())) {
        if (bookings.transition(c, uuid, "ON_HOLD", "CANCELLED", now)) {
          inventory.release(c, b, false);
          bookings.setCancellation(c, uuid, "NONE", reason);
        }
      } else if ("CONFIRMED".equals(b.status())) {
        Product product = catalogue.product(c, b.productId()).orElseThrow();
        Slot slot = inventoryStore.slot(c, b.slotId()).orElseThrow();
        if (!cancellable(b, product, slot, now)) {
          throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "the cancellation cutoff ("
              + product.cancelCutoffMinutes() + " minutes before the slot) has passed", uuid);
        }
        if (bookings.transition(c, uuid, "CONFIRMED", "CANCELLED", now)) {
          inventory.release(c, b, true);
          bookings.setCancellation(c, uuid, "FULL", reason);
          issuance.revokeAll(c, uuid, "CANCELLED");
          webhooks.enqueue(c, ch, WebhookEventType.BOOKING_CANCELLED, view(c, bookings.find(c, uuid).orElseThrow()));
        }
      }
      return null;
    });
    inventory.slotChanged(current.optionId(), current.poolId());
    Booking after = get(ch, uuid);
    if (!"CANCELLED".equals(after.status())) {
      throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "booking is " + after.status(), uuid);
    }
    return after;
  }

  /** A channel's own booking (others' bookings look unknown); expires a due hold on the way. */
  public Booking get(Channel ch, String uuid) {
    Booking b = db.read(c -> bookings.find(c, uuid).orElse(null));
    if (b == null || !b.channelId().equals(ch.id())) {
      throw new ServiceException(Problem.INVALID_BOOKING_UUID, "unknown booking", uuid);
    }
    if ("ON_HOLD".equals(b.status()) && !b.expiresAt().isAfter(clock.instant())) {
      db.tx(c -> inventory.expireIfDue(c, b));
      inventory.slotChanged(b.optionId(), b.poolId());
      return db.read(c -> bookings.find(c, uuid).orElseThrow());
    }
    return b;
  }

  /**
   * A page of a channel's bookings filtered by references or local date range: at most {@code limit} from
   * {@code offset}, newest first (ties by uuid).
   */
  public List<Booking> list(Channel ch, String resellerRef, String supplierRef, LocalDate from, LocalDate to,
      int offset, int limit) {
    if (resellerRef == null && supplierRef == null && from == null && to == null) {
      throw new ServiceException(Problem.BAD_REQUEST,
          "give a filter: resellerReference, supplierReference or localDate / localDateStart+localDateEnd");
    }
    return db.read(c -> bookings.list(c, ch.id(), resellerRef, supplierRef, from, to, offset, limit));
  }

  /** The OCTO view of a booking. */
  public io.scenicpass.channel.model.Booking view(Booking b) {
    return db.read(c -> view(c, b));
  }

  io.scenicpass.channel.model.Booking view(Connection c, Booking b) throws SQLException {
    Product product = catalogue.product(c, b.productId()).orElseThrow();
    Slot slot = inventoryStore.slot(c, b.slotId()).orElseThrow();
    boolean cancellable = "ON_HOLD".equals(b.status())
        || "CONFIRMED".equals(b.status()) && cancellable(b, product, slot, clock.instant());
    List<PassRecord> issued = passes.byBooking(c, b.uuid());
    Map<String, Instant> used = Map.of();
    if ("REDEEMED".equals(b.status())) {
      used = passUse.firstEntries(c, issued.stream().map(PassRecord::passId).toList());
    }
    return OctoViews.booking(b, slot, product, issued, used, units(c, b.optionId()), cancellable, true);
  }

  private boolean cancellable(Booking b, Product product, Slot slot, Instant now) {
    return !now.isAfter(slot.startAt().minus(Duration.ofMinutes(product.cancelCutoffMinutes())));
  }

  private Map<String, Unit> units(Connection c, String optionId) throws SQLException {
    Map<String, Unit> m = new HashMap<>();
    for (Unit u : catalogue.units(c, optionId)) {
      m.put(u.id(), u);
    }
    return m;
  }

  private static CatalogueService.OptionView defaultOption(CatalogueService.ProductView pv) {
    return pv.options().stream().filter(o -> o.option().isDefault()).findFirst()
        .orElse(pv.options().isEmpty() ? null : pv.options().get(0));
  }

  /**
   * A supplier reference: 26 characters in creation order (Ids.sortableId), so the unique index on booking
   * references grows at its right edge (docs/benchmarks.md § "reference-server hot-slot reservation").
   */
  private String supplierRef() {
    return ids.sortableId();
  }

  private static String requestHash(BookingReservationRequest req) {
    try {
      return ChannelService.sha256Hex(OctoJson.mapper().writeValueAsString(req));
    } catch (JsonProcessingException e) {
      throw new ServiceException(Problem.BAD_REQUEST, "request cannot be serialised");
    }
  }
}
