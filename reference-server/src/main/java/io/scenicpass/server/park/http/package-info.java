/** The park's admin API (zones, notices) and the visitors' {@code /shop/park} page with its JSON. */
package io.scenicpass.server.park.http;
