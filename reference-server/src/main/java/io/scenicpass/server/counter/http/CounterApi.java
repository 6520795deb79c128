package io.scenicpass.server.counter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.CounterCatalogue;
import io.scenicpass.server.counter.CounterSales;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.identity.IdentityInput;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The selling devices' routes under {@code /terminal/v1/counter} (docs/terminal-integration.md § "Selling at the
 * counter"): the day's catalogue, sales, their payment and cancellation. Errors are the terminal API's
 * {@code {code, message}}.
 */
public final class CounterApi {
    /** Device bodies: unknown fields ignored (a newer device may send more), types strict. */
    private static final RequestBodies BODIES =
            RequestBodies.of(WireJson.mapper()).ignoringUnknownFields().refusingNullForPrimitives();

    record IdentityBody(String type, String number, String name, String country) {}

    record ItemBody(String unitId, IdentityBody identity) {}

    /** {@code offerCode}: a promo or coupon code the visitor gave (offers; null: none). */
    record SaleBody(
            String saleId, String productId, String slotId, List<ItemBody> items, String shiftId, String offerCode) {}

    record PaymentBody(String method, String paymentCode, Long tenderedFen) {}

    private final CounterAuth auth;
    private final CounterCatalogue catalogue;
    private final CounterSales sales;

    public CounterApi(CounterAuth auth, CounterCatalogue catalogue, CounterSales sales) {
        this.auth = auth;
        this.catalogue = catalogue;
        this.sales = sales;
    }

    public void register(RoutesConfig r) {
        String p = "/terminal/v1/counter";
        r.get(p + "/catalogue", ctx -> {
            auth.seller(ctx);
            ctx.json(catalogue.offer(date(ctx.queryParam("date"))));
        });
        r.post(p + "/sales", ctx -> {
            SaleBody b = body(ctx, SaleBody.class);
            ctx.status(201).json(sales.create(auth.seller(ctx), sale(b)));
        });
        r.get(p + "/sales/{saleId}", ctx -> ctx.json(sales.get(auth.seller(ctx), ctx.pathParam("saleId"))));
        r.post(p + "/sales/{saleId}/payment", ctx -> {
            PaymentBody b = body(ctx, PaymentBody.class);
            ctx.json(sales.pay(
                    auth.seller(ctx), ctx.pathParam("saleId"), method(b.method()), b.paymentCode(), b.tenderedFen()));
        });
        r.post(p + "/sales/{saleId}/cancel", ctx -> ctx.json(sales.cancel(auth.seller(ctx), ctx.pathParam("saleId"))));
    }

    private static CounterSales.NewSale sale(SaleBody b) {
        List<CounterSales.Item> items = null;
        if (b.items() != null) {
            items = new ArrayList<>();
            for (ItemBody i : b.items()) {
                IdentityBody id = i == null ? null : i.identity();
                items.add(
                        i == null
                                ? null
                                : new CounterSales.Item(
                                        i.unitId(),
                                        id == null
                                                ? null
                                                : new IdentityInput(id.type(), id.number(), id.name(), id.country())));
            }
        }
        return new CounterSales.NewSale(b.saleId(), b.productId(), b.slotId(), items, b.shiftId(), b.offerCode());
    }

    private static CounterSales.Method method(String m) {
        try {
            return m == null ? null : CounterSales.Method.valueOf(m.trim());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "method must be NATIVE, CODE or CASH");
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "date must be YYYY-MM-DD");
        }
    }

    private static <T> T body(Context ctx, Class<T> type) throws IOException {
        T b = BODIES.read(ctx, type);
        if (b == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "a JSON body is required");
        }
        return b;
    }
}
