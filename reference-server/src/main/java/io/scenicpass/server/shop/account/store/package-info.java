/** The shop's account store. */
package io.scenicpass.server.shop.account.store;
