/**
 * Payments (issue #17, and #18's shop): the server takes a payment for an order reference and amount through a
 * {@link io.scenicpass.server.payments.PaymentProvider} (the simulated one, or WeChat Pay API v3), at most once per
 * order, completes it at most once, and reconciles payments whose outcome the caller never saw. Merchant keys stay
 * on the server; built by {@link io.scenicpass.server.payments.PaymentsModule}.
 */
package io.scenicpass.server.payments;
