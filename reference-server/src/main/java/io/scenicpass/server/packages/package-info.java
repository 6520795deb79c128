/**
 * Packages (issue #19): our ticket with a partner's hotel night and transport (bus or cable car) sold as one product
 * through OCTO, the shop and the kiosk. Partners' inventory is kept as allotments (per resource and day, a count),
 * loaded by the operator or set by the partner through {@code /partner/v1}; a package booking takes its partner parts
 * in its own transactions (never oversold), issues a voucher per part, and is cancelled whole within the strictest
 * cutoff of its parts. The settlement's partner section says what the park owes each partner.
 */
package io.scenicpass.server.packages;
