package io.scenicpass.server.sales;

import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassActionStore;
import io.scenicpass.server.sales.store.PassActionStore.Action;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.PassUseStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An operator's void or reissue of one pass, with a reason ({@code pass_action}). Void revokes it ("VOIDED"): gates
 * refuse it after their next sync. Reissue signs a replacement for the same unit items and revokes the old one
 * ("REISSUED"), in one transaction; the booking's channel (an OTA, or the shop's "My tickets") sees the new pass in
 * the booking and gets BOOKING_UPDATED. Both refuse a pass revoked already; reissue also one used at a gate, of a
 * booking no longer sold, or after its slot ended.
 */
public final class PassActions {
    /** What an operator did: the action row, and for a reissue the new pass. */
    public record Done(Action action, PassRecord newPass) {}

    private final Database db;
    private final PassStore passes;
    private final BookingStore bookings;
    private final CatalogueStore catalogue;
    private final InventoryStore inventory;
    private final PassUseStore passUse;
    private final IssuanceService issuance;
    private final BookingLifecycle lifecycle;
    private final ChannelStore channels = new ChannelStore();
    private final WebhookService webhooks;
    private final Clock clock;
    private final PassActionStore store = new PassActionStore();

    PassActions(
            Database db,
            PassStore passes,
            BookingStore bookings,
            CatalogueStore catalogue,
            InventoryStore inventory,
            IssuanceService issuance,
            BookingLifecycle lifecycle,
            WebhookService webhooks,
            Clock clock) {
        this.db = db;
        this.passes = passes;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.passUse = new PassUseStore(db.dialect());
        this.issuance = issuance;
        this.lifecycle = lifecycle;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Voids pass {@code passId} for {@code reason} (1-500 characters) by {@code actor}. */
    public Done voidPass(String passId, String reason, String actor) {
        String why = reason(reason);
        return db.tx(c -> {
            PassRecord p = valid(c, passId);
            Instant now = clock.instant();
            passes.revoke(c, p.passId(), "VOIDED", now);
            Action a = new Action(0, p.passId(), p.bookingUuid(), "VOID", why, actor, null, now);
            store.insert(c, a);
            updated(c, p.bookingUuid());
            return new Done(a, null);
        });
    }

    /** Reissues pass {@code passId} for {@code reason} (1-500 characters) by {@code actor}. */
    public Done reissue(String passId, String reason, String actor) {
        String why = reason(reason);
        return db.tx(c -> {
            PassRecord p = valid(c, passId);
            Booking b = bookings.findForUpdate(c, p.bookingUuid()).orElseThrow();
            if (b.status() != BookingState.CONFIRMED) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY, "a booking " + b.status() + " gets no new passes", passId);
            }
            Slot slot = inventory.slot(c, b.slotId()).orElseThrow();
            Instant now = clock.instant();
            if (!now.isBefore(slot.endAt())) {
                throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "the slot is over", passId);
            }
            Instant used = passUse.firstEntries(c, Set.of(passId)).get(passId);
            if (used != null) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY, "the pass was used at a gate at " + used, passId);
            }
            Map<String, Unit> units = new HashMap<>();
            for (Unit u : catalogue.units(c, b.optionId())) {
                units.put(u.id(), u);
            }
            PassRecord fresh =
                    issuance.reissue(c, b, catalogue.product(c, b.productId()).orElseThrow(), slot, units, p);
            Action a = new Action(0, p.passId(), p.bookingUuid(), "REISSUE", why, actor, fresh.passId(), now);
            store.insert(c, a);
            updated(c, b.uuid());
            return new Done(a, fresh);
        });
    }

    /** What operators did to the passes of booking {@code uuid}, oldest first. */
    public List<Action> ofBooking(String uuid) {
        return db.read(c -> store.ofBooking(c, uuid));
    }

    private PassRecord valid(Connection c, String passId) throws SQLException {
        PassRecord p = passes.find(c, passId == null ? "" : passId.strip())
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no pass " + passId, passId));
        if (p.revoked()) {
            throw new ServiceException(Problem.CONFLICT, "pass " + p.passId() + " is revoked already", passId);
        }
        return p;
    }

    /** The booking's channel hears of the change (its passes changed). */
    private void updated(Connection c, String uuid) throws SQLException {
        Booking b = bookings.find(c, uuid).orElseThrow();
        var ch = channels.find(c, b.channelId());
        if (ch.isPresent()) {
            webhooks.enqueue(c, ch.get(), WebhookEventType.BOOKING_UPDATED, lifecycle.view(c, b));
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new ServiceException(Problem.BAD_REQUEST, "give the reason (1-500 characters)");
        }
        return reason.strip();
    }
}
