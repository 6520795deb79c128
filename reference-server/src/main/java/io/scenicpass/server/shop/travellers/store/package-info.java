/** The saved travellers ({@code shop_traveller}): all their SQL. */
package io.scenicpass.server.shop.travellers.store;
