/** The shop's refunds as stored ({@code shop_refund}). */
package io.scenicpass.server.shop.tickets.store;
