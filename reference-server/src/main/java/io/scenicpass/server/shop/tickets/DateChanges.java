package io.scenicpass.server.shop.tickets;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.InventoryService.SlotView;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.tickets.TicketRefusal.Code;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The visitor's date change: the whole order to another slot of the same product and option, before the cutoff, no
 * pass used. {@link BookingService#update} moves the places atomically (sold out: nothing changes), revokes the old
 * passes ("CHANGED", gates refuse them) and issues new ones in one transaction. The same option keeps the prices, so
 * no money moves.
 */
public final class DateChanges {
    private final TicketRules rules;
    private final BookingService bookings;
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final Supplier<Channel> channel;
    private final Clock clock;

    public DateChanges(
            TicketRules rules,
            BookingService bookings,
            CatalogueService catalogue,
            InventoryService inventory,
            Supplier<Channel> channel,
            Clock clock) {
        this.rules = rules;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.channel = channel;
        this.clock = clock;
    }

    /** The slots of the order's option on {@code day} it could move to (not its own, not over), with places left. */
    public List<SlotView> choices(TicketRules.Order o, LocalDate day) {
        Instant now = clock.instant();
        CatalogueService.OptionView ov = option(o);
        return inventory
                .availability(o.product(), ov.option(), day, day, channel.get().id())
                .stream()
                .filter(v -> !v.slot().id().equals(o.slot().id())
                        && now.isBefore(v.slot().endAt()))
                .toList();
    }

    /** Moves the shop booking {@code uuid} to the slot {@code availabilityId} of its option; the booking as moved. */
    public Booking change(String uuid, String availabilityId) {
        TicketRules.Order o = rules.order(uuid);
        Instant now = clock.instant();
        rules.requireChangeable(o, List.of(), now);
        CatalogueService.OptionView ov = option(o);
        Optional<SlotView> target = availabilityId == null || availabilityId.isBlank()
                ? Optional.empty()
                : inventory.slot(
                        o.product(), ov.option(), availabilityId, channel.get().id());
        if (target.isEmpty()
                || target.get().slot().id().equals(o.slot().id())
                || target.get().slot().closed()
                || !now.isBefore(target.get().slot().endAt())) {
            throw new TicketRefusal(Code.BAD_SLOT, "no slot " + availabilityId + " to move order " + uuid + " to");
        }
        if (target.get().vacancies() < o.booking().quantity()) {
            throw new TicketRefusal(Code.SOLD_OUT, "slot " + availabilityId + " has not enough places");
        }
        try {
            return bookings.update(
                    channel.get(),
                    uuid,
                    new BookingCommands.Update(
                            null, null, availabilityId, null, null, new BookingCommands.Details(null, null, null)));
        } catch (ServiceException e) {
            if (e.problem() != Problem.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            Optional<SlotView> now2 = inventory.slot(
                    o.product(), ov.option(), availabilityId, channel.get().id());
            if (now2.isPresent() && now2.get().vacancies() < o.booking().quantity()) {
                throw new TicketRefusal(Code.SOLD_OUT, e.getMessage());
            }
            throw rules.classify(uuid, List.of(), e, now);
        }
    }

    private CatalogueService.OptionView option(TicketRules.Order o) {
        CatalogueService.OptionView ov = catalogue
                .product(o.booking().productId(), channel.get().id())
                .option(o.booking().optionId());
        if (ov == null) {
            throw new TicketRefusal(Code.BAD_SLOT, "the order's option is no longer sold");
        }
        return ov;
    }
}
