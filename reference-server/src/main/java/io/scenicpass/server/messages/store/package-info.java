/** The messages' SQL: the outbox, the visitors' choices, and the shop bookings the messages are about. */
package io.scenicpass.server.messages.store;
