package io.scenicpass.server.sales.http;

import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bounds on the free text a channel sends with a booking (docs/security-http.md): references and contact fields 200
 * characters, notes 2,000 (a contact's 1,000), a cancellation reason 1,000, at most 10 locales of 35; a contact's
 * {@code emailAddress} must be an e-mail address as OCTO's schemas define one. Otherwise: 400 BAD_REQUEST naming the
 * field, before anything is stored.
 */
final class OctoLimits {
    static final int REFERENCE = 200;
    static final int NOTES = 2000;
    static final int CONTACT_FIELD = 200;
    static final int CONTACT_NOTES = 1000;
    static final int REASON = 1000;
    static final int LOCALES = 10;
    static final int LOCALE = 35;

    /** The e-mail form of OCTO's zod schemas ({@code z.string().email()}), so what we store we can show. */
    private static final Pattern EMAIL = Pattern.compile(
            "^(?!\\.)(?!.*\\.\\.)[A-Za-z0-9_'+\\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");

    private OctoLimits() {}

    /** Checks a parsed OCTO request body (other types pass). */
    static void check(Object body) {
        if (body instanceof BookingReservationRequest r) {
            booking(r.getResellerReference(), r.getNotes(), r.getContact(), r.getUnitItems());
        } else if (body instanceof BookingUpdateRequest r) {
            booking(r.getResellerReference(), r.getNotes(), r.getContact(), r.getUnitItems());
        } else if (body instanceof BookingConfirmationRequest r) {
            booking(r.getResellerReference(), r.getNotes(), r.getContact(), r.getUnitItems());
        } else if (body instanceof BookingCancellationRequest r) {
            max("reason", r.getReason(), REASON);
        } else if (body instanceof OctoCart.OrderBody r) {
            contact("contact", r.contact());
            max("reason", r.reason(), REASON);
        }
    }

    private static void booking(String resellerReference, String notes, Contact contact, List<UnitItemRequest> items) {
        max("resellerReference", resellerReference, REFERENCE);
        max("notes", notes, NOTES);
        contact("contact", contact);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                UnitItemRequest u = items.get(i);
                if (u != null) {
                    max("unitItems[" + i + "].resellerReference", u.getResellerReference(), REFERENCE);
                    contact("unitItems[" + i + "].contact", u.getContact());
                }
            }
        }
    }

    private static void contact(String name, Contact c) {
        if (c == null) {
            return;
        }
        max(name + ".fullName", c.getFullName(), CONTACT_FIELD);
        max(name + ".firstName", c.getFirstName(), CONTACT_FIELD);
        max(name + ".lastName", c.getLastName(), CONTACT_FIELD);
        max(name + ".emailAddress", c.getEmailAddress(), CONTACT_FIELD);
        String email = c.getEmailAddress();
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, name + ".emailAddress is not an e-mail address");
        }
        max(name + ".phoneNumber", c.getPhoneNumber(), CONTACT_FIELD);
        max(name + ".postalCode", c.getPostalCode(), CONTACT_FIELD);
        max(name + ".country", c.getCountry(), CONTACT_FIELD);
        max(name + ".notes", c.getNotes(), CONTACT_NOTES);
        List<String> locales = c.getLocales();
        if (locales != null) {
            if (locales.size() > LOCALES) {
                throw new ServiceException(Problem.BAD_REQUEST, name + ".locales: at most " + LOCALES + " locales");
            }
            for (String l : locales) {
                max(name + ".locales[]", l, LOCALE);
            }
        }
    }

    private static void max(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, field + " must be at most " + max + " characters, not " + value.length());
        }
    }
}
