/** The shop's store. */
package io.scenicpass.server.shop.store;
