/**
 * Invoices (issue 17): e-invoices for bookings, asked for at the kiosk or later by the visitor through the receipt's
 * link ({@link io.scenicpass.server.invoices.InvoiceLinks}); issued through an {@link
 * io.scenicpass.server.invoices.InvoiceProvider} (the demo one renders a PDF), one per booking, mailed over SMTP;
 * the buyer's contact data encrypted at rest, masked in answers and erased after the retention period.
 */
package io.scenicpass.server.invoices;
