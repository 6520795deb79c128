/**
 * What the shop's pages show (issue 18): products with their content in the visitor's language, the shop channel's
 * prices, a 30-day calendar and slots with live remaining places as a traffic light (plenty, few, sold out).
 */
package io.scenicpass.server.shop.catalogue;
