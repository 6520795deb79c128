package io.scenicpass.server.shop.checkout.http;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's typed errors: a service's refusal as a code the visitor's language has a text for (bundle
 * {@code shop-book}, key = code) and its arguments — which visitor (the line's position) and the numbers the text
 * needs. The identity and inventory rules speak English to channels; here they become a code.
 */
public record ShopErrors(String code, int status, List<String> args) {
    private static final Pattern ITEM = Pattern.compile("(?:unitItems|lines)\\[(\\d+)]");
    private static final Pattern LIMIT = Pattern.compile("\\(limit (\\d+) per document per day\\)");

    /** The code, status and arguments of a refusal; {@code args.get(0)} is the line's position (1-based) or "". */
    public static ShopErrors of(ServiceException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Matcher item = ITEM.matcher(m);
        String line = item.find() ? Integer.toString(Integer.parseInt(item.group(1)) + 1) : "";
        Matcher limit = LIMIT.matcher(m);
        if (limit.find()) {
            return new ShopErrors("DOCUMENT_LIMIT", 422, List.of(line, limit.group(1)));
        }
        if (m.contains("blacklisted")) {
            return new ShopErrors("DOCUMENT_BLACKLISTED", 422, List.of(line));
        }
        if (m.contains("is for ages")) {
            return new ShopErrors("AGE", 422, List.of(line));
        }
        if (m.contains("real-name ticket")) {
            return new ShopErrors("TRAVELLER_REQUIRED", 422, List.of(line));
        }
        if (m.startsWith("sold out") || m.equals("slot is closed")) {
            return new ShopErrors("SOLD_OUT", 422, List.of(line));
        }
        if (m.contains("cutoff")) {
            return new ShopErrors("CUTOFF", 422, List.of(line));
        }
        Problem p = e.problem();
        return switch (p) {
            // offers: the code's text is in the offers bundle (the checkout pages load it)
            case OFFER_UNKNOWN, OFFER_NOT_APPLICABLE, OFFER_LIMIT_REACHED, COUPON_EXPIRED, COUPON_USED ->
                new ShopErrors(p.name(), 422, List.of(line));
            case NOT_FOUND, INVALID_PRODUCT_ID, INVALID_BOOKING_UUID -> new ShopErrors("NOT_FOUND", 404, List.of(line));
            case CONFLICT -> new ShopErrors("CONFLICT", 409, List.of(line));
            case UNPROCESSABLE_ENTITY -> new ShopErrors("UNPROCESSABLE_ENTITY", 422, List.of(line));
            case TOO_MANY_REQUESTS -> new ShopErrors("TOO_MANY_REQUESTS", 429, List.of(line));
            default -> new ShopErrors("BAD_REQUEST", 400, List.of(line));
        };
    }
}
