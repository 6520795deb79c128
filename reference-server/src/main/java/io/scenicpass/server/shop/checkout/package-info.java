/**
 * The shop's selling path (issue 18): the channel {@code shop}, the checkout that holds places for a signed-in
 * visitor's order with their saved travellers, takes the payment through the payment service (WeChat Pay H5 or
 * JSAPI; the simulated provider in the demo) and confirms and issues exactly once ({@code shop_checkout}).
 */
package io.scenicpass.server.shop.checkout;
