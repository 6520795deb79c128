/** The invoices' internals: the demo PDF provider and its font. */
package io.scenicpass.server.invoices.internal;
