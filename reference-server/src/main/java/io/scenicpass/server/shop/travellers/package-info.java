/**
 * A shop visitor's saved real-name visitors (travellers): documents validated and sealed as {@code identity/} does,
 * shown masked, put on the visitor's own orders at checkout.
 */
package io.scenicpass.server.shop.travellers;
