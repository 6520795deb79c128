/**
 * The messages' internals: delivery of the outbox, the texts, the SMS providers (demo log, Alibaba Cloud SMS), the
 * unsubscribe tokens, the day-before reminders.
 */
package io.scenicpass.server.messages.internal;
