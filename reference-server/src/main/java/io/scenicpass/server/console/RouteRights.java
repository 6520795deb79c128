package io.scenicpass.server.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table of rights: each admin route ({@code METHOD /admin/v1/...} as registered) and the {@link Right} it
 * needs. An entry ending in {@code *} covers every route that starts so (the longest entry wins). A route without an
 * entry is the machine token's only (RouteRightsTest fails for it). Documented in docs/operations.md § Operators.
 */
public final class RouteRights {
    private static final Map<String, Right> TABLE = new LinkedHashMap<>();

    static {
        // catalogue: products, prices, slots, capacity, content, questions, identity rules of products
        put(Right.VIEW, "GET /admin/v1/products*", "GET /admin/v1/slots*", "GET /admin/v1/day-pools*");
        put(Right.VIEW, "GET /admin/v1/slot-rules*", "GET /admin/v1/closures*"); // slot rules and closures
        put(
                Right.CATALOGUE_WRITE,
                "PUT /admin/v1/slot-rules*",
                "POST /admin/v1/closures",
                "DELETE /admin/v1/closures*");
        put(
                Right.CATALOGUE_WRITE,
                "POST /admin/v1/products*",
                "PUT /admin/v1/products*",
                "PATCH /admin/v1/products*",
                "DELETE /admin/v1/products*",
                "PUT /admin/v1/prices",
                "DELETE /admin/v1/prices/*",
                "PUT /admin/v1/slots*",
                "POST /admin/v1/slots*",
                "PUT /admin/v1/day-pools*",
                "PUT /admin/v1/identity/products*",
                "PUT /admin/v1/questions*",
                "POST /admin/v1/questions*",
                "DELETE /admin/v1/questions*");
        // packages: partners (their resources, allotments, API tokens) and package products
        put(Right.VIEW, "GET /admin/v1/partners*", "GET /admin/v1/packages*", "GET /admin/v1/package-bookings*");
        put(Right.CATALOGUE_WRITE, "PUT /admin/v1/partners*", "PUT /admin/v1/packages*");
        put(Right.CHANNELS_WRITE, "POST /admin/v1/partners*");
        // channels
        put(Right.VIEW, "GET /admin/v1/channels*", "GET /admin/v1/webhooks*");
        put(
                Right.CHANNELS_WRITE,
                "POST /admin/v1/channels*",
                "PUT /admin/v1/channels*",
                "PATCH /admin/v1/channels*",
                "DELETE /admin/v1/channels*",
                "POST /admin/v1/webhooks*");
        // devices and the site
        put(
                Right.VIEW,
                "GET /admin/v1/zones*",
                "GET /admin/v1/gates*",
                "GET /admin/v1/devices*",
                "GET /admin/v1/terminal*",
                "GET /admin/v1/delegations*",
                "GET /admin/v1/cashiers*",
                "GET /admin/v1/counter/allotments*",
                "GET /admin/v1/telemetry*",
                "GET /admin/v1/entries*",
                "GET /admin/v1/overuse-conflicts*");
        put(
                Right.DEVICES_WRITE,
                "POST /admin/v1/zones*",
                "PUT /admin/v1/zones*",
                "POST /admin/v1/gates*",
                "PUT /admin/v1/gates*",
                "POST /admin/v1/devices*",
                "PUT /admin/v1/devices*",
                "DELETE /admin/v1/devices*",
                "POST /admin/v1/enrollment*",
                "POST /admin/v1/terminal*",
                "PUT /admin/v1/terminal*",
                "PATCH /admin/v1/terminal*",
                "DELETE /admin/v1/delegations*",
                "POST /admin/v1/delegations*",
                "POST /admin/v1/cashiers*",
                "PUT /admin/v1/cashiers*",
                "PATCH /admin/v1/cashiers*",
                "PUT /admin/v1/counter/allotments*");
        // bookings, passes, payments' refunds, invoices
        put(
                Right.VIEW,
                "GET /admin/v1/bookings*",
                "GET /admin/v1/passes*",
                "GET /admin/v1/revocations*",
                "GET /admin/v1/keyset",
                "GET /admin/v1/invoices*");
        put(
                Right.BOOKINGS_REFUND,
                "POST /admin/v1/bookings*",
                "PUT /admin/v1/bookings*",
                "DELETE /admin/v1/bookings*",
                "POST /admin/v1/passes*",
                "PUT /admin/v1/passes*",
                "POST /admin/v1/payments*",
                "POST /admin/v1/counter/sales*",
                "POST /admin/v1/invoices*",
                "PUT /admin/v1/invoices*");
        // annual passes: activation, freeze, appeal, unfreeze, renewal, refund (pass terms are the catalogue's)
        put(Right.VIEW, "GET /admin/v1/annual-passes*");
        put(Right.BOOKINGS_REFUND, "POST /admin/v1/annual-passes*");
        // blacklist and visitors' documents
        put(Right.VIEW, "GET /admin/v1/blacklist*", "GET /admin/v1/identity*");
        put(
                Right.BLACKLIST_WRITE,
                "POST /admin/v1/blacklist*",
                "DELETE /admin/v1/blacklist*",
                "POST /admin/v1/identity*",
                "PUT /admin/v1/identity*",
                "DELETE /admin/v1/identity*");
        // flow
        put(Right.VIEW, "GET /admin/v1/flow*");
        put(Right.FLOW_WRITE, "POST /admin/v1/flow*", "PUT /admin/v1/flow*");
        // notices (crowd) and messages
        put(Right.VIEW, "GET /admin/v1/notices*", "GET /admin/v1/park*");
        // the shop's waiting list: who waits (masked) is for everyone who may look; its accept window is marketing's
        put(Right.VIEW, "GET /admin/v1/waitlist*");
        put(Right.NOTICES_WRITE, "PUT /admin/v1/waitlist*");
        put(Right.NOTICES_WRITE, "POST /admin/v1/notices*", "PUT /admin/v1/notices*", "DELETE /admin/v1/notices*");
        // offers, promo codes and coupon campaigns (marketing)
        put(Right.VIEW, "GET /admin/v1/offers*");
        put(Right.OFFERS_WRITE, "POST /admin/v1/offers*", "PUT /admin/v1/offers*");
        // reports and settlement
        put(Right.REPORTS_READ, "GET /admin/v1/reports*", "GET /admin/v1/counter*");
        put(Right.REPORTS_READ, "GET /admin/v1/measures*");
        put(Right.SETTLEMENT_READ, "GET /admin/v1/payments*", "GET /admin/v1/settlement*");
        // the system: signing keys, inventory repair
        put(Right.VIEW, "GET /admin/v1/keys");
        put(
                Right.SYSTEM_WRITE,
                "POST /admin/v1/keys*",
                "POST /admin/v1/inventory*",
                "PUT /admin/v1/settings*",
                "PUT /admin/v1/payments/provider");
        // the visitor hub (a lookup reads, but by POST: the document or phone stays out of URLs)
        put(
                Right.VISITORS_READ,
                "GET /admin/v1/visitors*",
                "POST /admin/v1/visitors/lookup",
                "GET /admin/v1/segments*");
        put(
                Right.VISITORS_WRITE,
                "POST /admin/v1/visitors*",
                "PUT /admin/v1/visitors*",
                "DELETE /admin/v1/visitors*",
                "PUT /admin/v1/segments*",
                "DELETE /admin/v1/segments*");
        // operators and the audit log
        put(Right.AUDIT_READ, "GET /admin/v1/audit*");
        put(Right.VIEW, "GET /admin/v1/operators/me*");
        put(
                Right.OPERATORS_WRITE,
                "GET /admin/v1/operators*",
                "POST /admin/v1/operators*",
                "PATCH /admin/v1/operators*",
                "DELETE /admin/v1/operators*");
    }

    private RouteRights() {}

    private static void put(Right r, String... routes) {
        for (String route : routes) {
            if (TABLE.put(route, r) != null) {
                throw new IllegalStateException("route listed twice: " + route);
            }
        }
    }

    /** The right {@code route} ({@code METHOD /admin/v1/...}) needs, or null when the table has none. */
    public static Right of(String route) {
        Right exact = TABLE.get(route);
        if (exact != null) {
            return exact;
        }
        Right best = null;
        int bestLength = -1;
        for (Map.Entry<String, Right> e : TABLE.entrySet()) {
            String k = e.getKey();
            if (k.endsWith("*") && route.startsWith(k.substring(0, k.length() - 1)) && k.length() > bestLength) {
                best = e.getValue();
                bestLength = k.length();
            }
        }
        return best;
    }

    /** The table, for the docs and the test. */
    public static Map<String, Right> table() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }
}
