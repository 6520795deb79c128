package io.scenicpass.server.sales;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Price;
import io.scenicpass.server.sales.store.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * A booking's unit items from the requested ones (reserve, change, confirm with unit items): every unit must belong to
 * the option and have a price for the channel. An item that stays what it was (same position, same unit) keeps its
 * uuid, references, contact and price, so resellers' references to it survive a change. A uuid or contact the reseller
 * gives for an item is taken (uuids unique within the booking).
 */
public final class UnitItems {
    /** The unit items, the places (visitors) they take and each item's unit (same order). */
    public record Built(List<Booking.UnitItem> items, int quantity, List<Unit> units) {}

    private UnitItems() {}

    /** {@code kept}: the booking's current items when its option stays the same, else empty. */
    public static Built build(
            CatalogueService.OptionView ov,
            List<BookingCommands.Item> requested,
            List<Booking.UnitItem> kept,
            Ids ids) {
        if (requested == null || requested.isEmpty()) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "a booking needs at least one unit item");
        }
        if (requested.size() > BookingService.MAX_UNITS) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "at most " + BookingService.MAX_UNITS + " unit items per booking");
        }
        int quantity = 0;
        java.util.Set<String> uuids = new java.util.HashSet<>();
        List<Booking.UnitItem> items = new ArrayList<>(requested.size());
        List<Unit> units = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            BookingCommands.Item ui = requested.get(i);
            Unit u = ui.unitId() == null ? null : ov.unit(ui.unitId());
            if (u == null) {
                throw new ServiceException(Problem.INVALID_UNIT_ID, "unknown unit", ui.unitId());
            }
            Price price = ov.price(u.id());
            if (price == null) {
                throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "unit has no price for this channel", u.id());
            }
            quantity += u.paxCount();
            units.add(u);
            Booking.UnitItem was = i < kept.size() && kept.get(i).unitId().equals(u.id()) ? kept.get(i) : null;
            String uuid = ui.uuid() != null
                    ? ui.uuid()
                    : was != null ? was.uuid() : ids.uuidV7().toString();
            if (!uuid.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, "unitItems[" + i + "].uuid must be 1-64 of [A-Za-z0-9_-]", uuid);
            }
            if (!uuids.add(uuid)) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, "unitItems[" + i + "].uuid is given twice in this booking", uuid);
            }
            String contact = ui.contactJson() != null ? ui.contactJson() : was != null ? was.contactJson() : null;
            items.add(
                    was == null
                            ? new Booking.UnitItem(
                                    uuid,
                                    i,
                                    u.id(),
                                    ui.resellerReference(),
                                    ids.sortableId(),
                                    price.retail(),
                                    price.net(),
                                    null,
                                    contact)
                            : new Booking.UnitItem(
                                    uuid,
                                    i,
                                    u.id(),
                                    ui.resellerReference() != null ? ui.resellerReference() : was.resellerReference(),
                                    was.supplierReference(),
                                    was.retail(),
                                    was.net(),
                                    null,
                                    contact));
        }
        return new Built(List.copyOf(items), quantity, List.copyOf(units));
    }
}
