package io.scenicpass.server.console;

/**
 * What an operator may do. Every admin route needs one right ({@link RouteRights}); a role is a set of rights
 * ({@link Role}). The machine admin token holds them all.
 */
public enum Right {
    /** See the catalogue, slots, channels, devices, flow, bookings and passes (no change). */
    VIEW,
    /** Products, options, units, prices, slots, capacity, closures, allotments, content and questions. */
    CATALOGUE_WRITE,
    /** Channels (OTAs): create, change, keys, adapters, webhooks. */
    CHANNELS_WRITE,
    /** Gates, kiosks and box offices: enrollment, revocation, offline allotments, cashiers, delegated keys. */
    DEVICES_WRITE,
    /** Cancel and refund bookings and payments, void or reissue passes, invoices. */
    BOOKINGS_REFUND,
    /** The document blacklist and the erasure of visitors' documents. */
    BLACKLIST_WRITE,
    /** Flow alerts, the alert notifier, quota moves. */
    FLOW_WRITE,
    /** Park notices and messages to visitors. */
    NOTICES_WRITE,
    /** Sales, redemptions, counter and shift reports. */
    REPORTS_READ,
    /** Settlement per channel and partner, payments and their refunds. */
    SETTLEMENT_READ,
    /** The audit log. */
    AUDIT_READ,
    /** Signing keys, inventory repair and other settings of the whole system. */
    SYSTEM_WRITE,
    /** Operator accounts and their roles. */
    OPERATORS_WRITE,
    /** Offers, promo codes and coupon campaigns (marketing). */
    OFFERS_WRITE
}
