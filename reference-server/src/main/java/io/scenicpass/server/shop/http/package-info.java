/** The shop's http. */
package io.scenicpass.server.shop.http;
