/** The invoices' internals: the demo PDF provider, its font, the SMTP mailer. */
package io.scenicpass.server.invoices.internal;
