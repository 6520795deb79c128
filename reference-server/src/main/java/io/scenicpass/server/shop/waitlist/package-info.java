/**
 * The shop's waiting lists of sold-out slots: visitors join with a party and see their place; freed places are offered
 * in line order as real holds with an accept window ({@link io.scenicpass.server.shop.waitlist.WaitlistOffers}).
 */
package io.scenicpass.server.shop.waitlist;
