package io.scenicpass.server.invoices;

import java.time.Instant;
import java.util.List;

/**
 * The invoice provider SPI: issues an e-invoice for one order (a tax platform in production; {@code
 * internal/DemoInvoiceProvider} renders a PDF). {@code invoiceId} is ScenicPass's id of the invoice: a second call
 * with the same id (a retry after an unknown outcome) must answer the invoice issued by the first, never a second one.
 */
public interface InvoiceProvider {
    /** The provider's name, stored with each invoice. */
    String name();

    /** Issues (or finds the already issued) invoice; an exception means nothing is known to be issued yet. */
    Issued issue(Request request);

    /** One line of an invoice: {@code quantity} × {@code unitPriceFen} = {@code amountFen}. */
    record Line(String description, int quantity, long unitPriceFen, long amountFen) {}

    /**
     * What to invoice: the seller, the buyer (title; tax number null for an individual), the order's lines and
     * total in fen.
     */
    record Request(
            String invoiceId,
            String seller,
            String orderReference,
            String buyerTitle,
            String taxNumber,
            String email,
            List<Line> lines,
            long totalFen,
            String currency,
            Instant issuedAt,
            java.time.ZoneId zone) {}

    /** The issued invoice: its number and PDF. */
    record Issued(String number, byte[] pdf) {}
}
