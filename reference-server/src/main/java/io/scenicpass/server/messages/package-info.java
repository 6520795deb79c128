/**
 * Messages to shop visitors (issue 18): sign-in codes, booking confirmations, the day-before reminder, changes,
 * refunds, waiting-list offers and crowd / weather / notice warnings, by email (SMTP) or SMS (an {@link
 * io.scenicpass.server.messages.SmsProvider}) in the visitor's language. Written to an outbox in the caller's
 * transaction ({@link io.scenicpass.server.messages.VisitorMessages}) and delivered by a job with retries; the
 * visitor's choices decide the optional kinds, and every message carries an unsubscribe link.
 */
package io.scenicpass.server.messages;
