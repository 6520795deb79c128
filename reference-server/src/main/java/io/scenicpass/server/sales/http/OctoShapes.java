package io.scenicpass.server.sales.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.RedemptionMethod;
import io.scenicpass.channel.model.Ticket;
import java.util.List;

/**
 * The parts of OCTO answers that OCTO requires to be present even when there is nothing to say (its validator and
 * zod schemas refuse an absent field where the value is unknown): an empty contact, a ticket not issued yet.
 */
final class OctoShapes {
    private OctoShapes() {}

    /** A stored contact (OCTO JSON) as OCTO shows it: every field present, null when unknown, locales {@code []}. */
    static Contact contact(String json) {
        Contact c = null;
        if (json != null) {
            try {
                c = OctoJson.mapper().readValue(json, Contact.class);
            } catch (JsonProcessingException e) {
                c = null; // a contact stored by an older release that no longer reads: shown empty, never a 500
            }
        }
        if (c == null) {
            c = new Contact();
        }
        return c.locales(c.getLocales()); // written as [] when none were given
    }

    /** The ticket of a unit item whose pass is not issued (a hold) or no longer valid (cancelled): no code to show. */
    static Ticket noTicketYet() {
        return new Ticket()
                .redemptionMethod(RedemptionMethod.DIGITAL)
                .utcRedeemedAt(null)
                .deliveryOptions(List.of());
    }
}
