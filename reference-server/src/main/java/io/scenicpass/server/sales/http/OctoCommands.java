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
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.visitors.VisitorHint;
import java.util.ArrayList;
import java.util.List;

/** OCTO booking request bodies → the booking service's commands (null bodies where OCTO allows none). */
public final class OctoCommands {
    private OctoCommands() {}

    public static BookingCommands.Reserve reserve(BookingReservationRequest req) {
        return reserve(req, List.of());
    }

    /** {@code identities}: the unit items' documents by position (the identity extension, empty: none). */
    public static BookingCommands.Reserve reserve(BookingReservationRequest req, List<IdentityInput> identities) {
        List<BookingCommands.Item> items = items(req.getUnitItems(), identities);
        return new BookingCommands.Reserve(
                        req.getUuid(),
                        fingerprint(req),
                        req.getProductId(),
                        req.getOptionId(),
                        req.getAvailabilityId(),
                        items,
                        req.getExpirationMinutes(),
                        details(req.getResellerReference(), req.getContact(), req.getNotes()))
                .withOffer(new BookingCommands.OfferCode(blankToNull(req.getOfferCode()), buyer(req.getContact())));
    }

    /** Who buys, as far as the lead contact says (email, else phone): for segment offers and per-visitor limits. */
    private static VisitorHint buyer(Contact c) {
        if (c == null) {
            return null;
        }
        String email = blankToNull(c.getEmailAddress());
        String phone = blankToNull(c.getPhoneNumber());
        return email != null ? VisitorHint.email(email) : phone != null ? VisitorHint.phone(phone) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static BookingCommands.Confirm confirm(BookingConfirmationRequest req) {
        return confirm(req, List.of());
    }

    /** Unit items given at confirm replace the held ones; {@code identities}: their documents by position. */
    public static BookingCommands.Confirm confirm(BookingConfirmationRequest req, List<IdentityInput> identities) {
        return req == null
                ? new BookingCommands.Confirm(null, null, identities)
                : new BookingCommands.Confirm(
                        details(req.getResellerReference(), req.getContact(), req.getNotes()),
                        items(req.getUnitItems(), identities),
                        identities);
    }

    public static BookingCommands.Extend extend(BookingExtendRequest req) {
        return new BookingCommands.Extend(req == null ? null : req.getExpirationMinutes());
    }

    public static BookingCommands.Update update(BookingUpdateRequest req) {
        return update(req, List.of());
    }

    /**
     * Unit items that carry documents give them for the booking's own items (same units, in order); otherwise they
     * move the booking to those unit items ({@code BookingChanges}).
     */
    public static BookingCommands.Update update(BookingUpdateRequest req, List<IdentityInput> identities) {
        if (req.getOfferCode() != null) { // a booking is priced once, at its reservation
            throw new ServiceException(
                    Problem.OFFER_NOT_APPLICABLE,
                    "OFFER_NOT_APPLICABLE: give offerCode with the reservation (POST /bookings); a booking's offer"
                            + " cannot be changed");
        }
        boolean items = req.getUnitItems() != null && !req.getUnitItems().isEmpty();
        return new BookingCommands.Update(
                req.getProductId(),
                req.getOptionId(),
                req.getAvailabilityId(),
                items && identities.isEmpty() ? items(req.getUnitItems(), List.of()) : null,
                req.getExpirationMinutes(),
                details(req.getResellerReference(), req.getContact(), req.getNotes()),
                identities.isEmpty() ? List.of() : items(req.getUnitItems(), identities));
    }

    private static List<BookingCommands.Item> items(List<UnitItemRequest> unitItems, List<IdentityInput> identities) {
        if (unitItems == null) {
            return null;
        }
        List<BookingCommands.Item> items = new ArrayList<>(unitItems.size());
        for (int i = 0; i < unitItems.size(); i++) {
            UnitItemRequest ui = unitItems.get(i);
            IdentityInput id = i < identities.size() ? identities.get(i) : null;
            items.add(
                    ui == null
                            ? new BookingCommands.Item(null, null, id)
                            : new BookingCommands.Item(
                                    ui.getUnitId(),
                                    ui.getResellerReference(),
                                    id,
                                    ui.getUuid(),
                                    ui.getContact() == null ? null : OctoViews.contactJson(ui.getContact())));
        }
        return items;
    }

    public static BookingCommands.Cancel cancel(BookingCancellationRequest req) {
        return new BookingCommands.Cancel(req == null ? null : req.getReason());
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
        // visitors' documents never enter this plain hash: the identity service adds them as a keyed digest
        List<UnitItemRequest> items = req.getUnitItems() == null ? List.of() : req.getUnitItems();
        List<io.scenicpass.channel.model.Identity> documents = new ArrayList<>();
        for (UnitItemRequest ui : items) {
            documents.add(ui == null ? null : ui.getIdentity());
            if (ui != null) {
                ui.identity(null);
            }
        }
        try {
            return ChannelService.sha256Hex(OctoJson.writeCompact(req));
        } catch (java.io.UncheckedIOException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "request cannot be serialised");
        } finally {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) != null) {
                    items.get(i).identity(documents.get(i));
                }
            }
        }
    }
}
