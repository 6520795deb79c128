/**
 * Offers and coupons (issue #19): promo codes and automatic offers (for a segment of visitors, or a combination of
 * unit types in one order) applied when a reservation is priced ({@code sales.Discounts}, every channel), with limits
 * per visitor and in total; coupon campaigns that give consenting visitors a single-use code after their visit; the
 * admin API and the console page {@code /console/offers}. Each booking records the offer it got
 * ({@code offer_redemption}) for settlement and the measures.
 */
package io.scenicpass.server.offers;
