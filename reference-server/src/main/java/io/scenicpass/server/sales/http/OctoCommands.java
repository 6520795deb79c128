package io.scenicpass.server.sales.http;

import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingExtendRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.sales.BookingCommands;
import java.util.ArrayList;
import java.util.List;

/** OCTO booking request bodies → the booking service's commands (null bodies where OCTO allows none). */
public final class OctoCommands {
    private OctoCommands() {}

    public static BookingCommands.Reserve reserve(BookingReservationRequest req) {
        List<BookingCommands.Item> items = items(req.getUnitItems());
        return new BookingCommands.Reserve(
                req.getUuid(),
                fingerprint(req),
                req.getProductId(),
                req.getOptionId(),
                req.getAvailabilityId(),
                items,
                req.getExpirationMinutes(),
                details(req.getResellerReference(), req.getContact(), req.getNotes()));
    }

    public static BookingCommands.Confirm confirm(BookingConfirmationRequest req) {
        return req == null
                ? new BookingCommands.Confirm(null)
                : new BookingCommands.Confirm(
                        details(req.getResellerReference(), req.getContact(), req.getNotes()),
                        items(req.getUnitItems()));
    }

    public static BookingCommands.Extend extend(BookingExtendRequest req) {
        return new BookingCommands.Extend(req == null ? null : req.getExpirationMinutes());
    }

    public static BookingCommands.Update update(BookingUpdateRequest req) {
        return new BookingCommands.Update(
                req.getProductId(),
                req.getOptionId(),
                req.getAvailabilityId(),
                items(req.getUnitItems()),
                req.getExpirationMinutes(),
                details(req.getResellerReference(), req.getContact(), req.getNotes()));
    }

    public static BookingCommands.Cancel cancel(BookingCancellationRequest req) {
        return new BookingCommands.Cancel(req == null ? null : req.getReason());
    }

    /** The requested unit items as commands (null stays null: the model answers an absent list as empty). */
    private static List<BookingCommands.Item> items(List<UnitItemRequest> requested) {
        if (requested == null) {
            return null;
        }
        List<BookingCommands.Item> items = new ArrayList<>(requested.size());
        for (UnitItemRequest ui : requested) {
            items.add(
                    ui == null
                            ? new BookingCommands.Item(null, null)
                            : new BookingCommands.Item(ui.getUnitId(), ui.getResellerReference()));
        }
        return items;
    }

    private static BookingCommands.Details details(String resellerReference, Contact contact, String notes) {
        return new BookingCommands.Details(resellerReference, OctoViews.contactJson(contact), notes);
    }

    /**
     * The reservation's idempotency fingerprint: SHA-256 of the request as OCTO JSON without null fields, as stored
     * in {@code booking.request_hash} since the first release (so retries across an upgrade are still recognised; the
     * model now writes some nulls explicitly, which are dropped here to keep the hash the same).
     */
    static String fingerprint(BookingReservationRequest req) {
        try {
            return ChannelService.sha256Hex(OctoJson.writeCompact(req));
        } catch (java.io.UncheckedIOException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "request cannot be serialised");
        }
    }
}
