/** The messages' pages: the visitor's choices ({@code /shop/messages}) and the unsubscribe link's page. */
package io.scenicpass.server.messages.http;
