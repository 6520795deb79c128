/** The SQL of the shop's waiting lists: {@code waitlist_entry} rows, every move a compare-and-set. */
package io.scenicpass.server.shop.waitlist.store;
