/** The waiting list's HTTP side: the shop's pages (join, my place, leave, decline) and the admin API. */
package io.scenicpass.server.shop.waitlist.http;
