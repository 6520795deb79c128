/**
 * The visitor data hub: one visitor across bookings of every channel, gate entries and exits, and in-park spending;
 * computed tags and saved segments; consent, retention, export and erasure. A visitor is found only by keyed hashes
 * of documents, phones, emails or member codes (never clear documents). The interfaces at the top of this package
 * are what other features (offers, coupons, packages, measures) use.
 */
package io.scenicpass.server.visitors;
