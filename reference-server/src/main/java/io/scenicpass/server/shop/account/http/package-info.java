/** The shop's account http. */
package io.scenicpass.server.shop.account.http;
