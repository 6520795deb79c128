/** The shop's account. */
package io.scenicpass.server.shop.account;
