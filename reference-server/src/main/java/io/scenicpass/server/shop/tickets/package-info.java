/**
 * The visitor's tickets after payment ("My tickets", issue #18): the signed-in visitor's orders and each pass's QR
 * code (kept offline by the shop's service worker), add to calendar (.ics), refund and date change within the
 * product's cutoffs over the sales services ({@code PassCancellation}, {@code BookingService.update}) and
 * {@code PaymentService} refunds. Handlers under {@code http}, SQL under {@code store}.
 */
package io.scenicpass.server.shop.tickets;
