/** The shop's checkouts ({@code shop_checkout}): all their SQL. */
package io.scenicpass.server.shop.checkout.store;
