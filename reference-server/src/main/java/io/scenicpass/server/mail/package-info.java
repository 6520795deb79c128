/** Outgoing mail shared by the features (invoices, messages to visitors): the {@code mail.*} settings and SMTP. */
package io.scenicpass.server.mail;
