/** The offers' SQL: offers, coupons and the redemptions bookings made of them. */
package io.scenicpass.server.offers.store;
