/** The invoices' SQL (table {@code invoice}, V72). */
package io.scenicpass.server.invoices.store;
