package io.scenicpass.server.invoices.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.CounterSales;
import io.scenicpass.server.counter.Sale;
import io.scenicpass.server.counter.http.CounterAuth;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.invoices.Invoice;
import io.scenicpass.server.invoices.InvoiceInput;
import io.scenicpass.server.invoices.InvoiceLinks;
import io.scenicpass.server.invoices.InvoiceService;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;

/**
 * {@code POST /terminal/v1/counter/sales/{saleId}/invoice {buyerTitle, taxNumber?, email}}: a kiosk or box office
 * asks for the invoice of its own paid sale; answers the (masked) invoice and the visitor's link to it. Asking
 * again answers the first invoice.
 */
public final class CounterInvoiceApi {
    private static final RequestBodies BODIES =
            RequestBodies.of(WireJson.mapper()).ignoringUnknownFields().refusingNullForPrimitives();

    record Body(String buyerTitle, String taxNumber, String email) {}

    /** The answer: the invoice's fields and {@code url}, the visitor's page (its PDF link once issued). */
    public record Answer(@JsonUnwrapped Invoice invoice, String url) {}

    private final CounterAuth auth;
    private final CounterSales sales;
    private final InvoiceService invoices;
    private final InvoiceLinks links;

    public CounterInvoiceApi(CounterAuth auth, CounterSales sales, InvoiceService invoices, InvoiceLinks links) {
        this.auth = auth;
        this.sales = sales;
        this.invoices = invoices;
        this.links = links;
    }

    public void register(RoutesConfig r) {
        r.post("/terminal/v1/counter/sales/{saleId}/invoice", this::request);
    }

    private void request(Context ctx) throws java.io.IOException {
        DeviceRow device = auth.seller(ctx);
        Body b = BODIES.read(ctx, Body.class);
        if (b == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "a JSON body is required");
        }
        Sale sale = sales.get(device, ctx.pathParam("saleId")); // the device's own sale, or 404
        if (!"PAID".equals(sale.state())) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "only a paid sale gets an invoice; this one is " + sale.state());
        }
        Invoice inv;
        try {
            inv = invoices.request(
                    sale.bookingId(), new InvoiceInput(b.buyerTitle(), b.taxNumber(), b.email()), Invoice.Source.KIOSK);
        } catch (InvoiceInput.Refused e) {
            throw e.asServiceException();
        }
        ctx.json(new Answer(inv, links.forBooking(sale.bookingId())));
    }
}
