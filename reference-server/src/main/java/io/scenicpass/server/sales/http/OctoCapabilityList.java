package io.scenicpass.server.sales.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /octo/capabilities}: OCTO's {@code Capability} objects for the capabilities the server supports (those
 * of {@code OctoApi.SUPPORTED}, so one that is advertised is also echoed). None is required: a reseller opts in per
 * request with {@code Octo-Capabilities}.
 */
final class OctoCapabilityList {
    /** One OCTO capability object. */
    record Capability(String id, int revision, boolean required, List<String> dependencies, String docs) {}

    /** What each known capability offers here (a capability not listed gets revision 1 and no docs). */
    private static final Map<String, String> DOCS = Map.of(
            "octo/pricing", "Prices (retail, net, currency) on products, availability and bookings.",
            "octo/content", "Descriptions, images and FAQs of products, options and units (zh-CN, en).",
            "octo/questions", "Questions per booking or unit item; answers are stored and shown back.",
            "octo/webhooks",
                    "Subscribe endpoints through /octo/webhooks; booking_update events are delivered signed"
                            + " (ScenicPass-Signature) and retried for 24 h.",
            "octo/cart", "Orders: several bookings confirmed together, all or nothing.",
            "octo/offers",
                    "offerCode (promo or coupon code) on reservations; the offer applied, original prices and"
                            + " offerDiscount on bookings.");

    private OctoCapabilityList() {}

    static List<Capability> of(Set<String> supported) {
        List<Capability> out = new ArrayList<>();
        supported.stream()
                .sorted()
                .forEach(id ->
                        out.add(new Capability(id, id.equals("octo/pricing") ? 3 : 1, false, List.of(), DOCS.get(id))));
        return out;
    }
}
