/**
 * The visitors' own shop (official site / mobile H5): pages under {@code /shop}, selling as the channel {@code shop}.
 * {@link io.scenicpass.server.shop.ShopModule} composes it; sub-packages hold its parts (accounts, …).
 */
package io.scenicpass.server.shop;
