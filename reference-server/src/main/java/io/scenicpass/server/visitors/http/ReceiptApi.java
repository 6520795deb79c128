package io.scenicpass.server.visitors.http;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.packages.Partners;
import io.scenicpass.server.visitors.ReceiptRefusal;
import io.scenicpass.server.visitors.Receipts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /partner/v1/receipts} for partner tills ({@code Authorization: Bearer ptn_...}, the partner token of
 * packages): 201 with the stored receipt, 200 when the same receipt comes again, typed refusals {@code {code,
 * message}} (INVALID_RECEIPT, VISITOR_REQUIRED, NEGATIVE_AMOUNT, UNSUPPORTED_CURRENCY, INVALID_DOCUMENT 400;
 * UNKNOWN_PASS, UNKNOWN_VISITOR 422; RECEIPT_CONFLICT 409). The document in a body is hashed at once, never kept.
 */
public final class ReceiptApi {
    private final Partners partners;
    private final Receipts receipts;

    public ReceiptApi(Partners partners, Receipts receipts) {
        this.partners = partners;
        this.receipts = receipts;
    }

    public void register(RoutesConfig r) {
        r.post("/partner/v1/receipts", ctx -> {
            String auth = ctx.header("Authorization");
            String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? auth.substring(7).trim()
                    : null;
            var partner = partners.byToken(token)
                    .orElseThrow(() -> new ServiceException(Problem.UNAUTHORIZED, "a partner token is required", null));
            try {
                Receipts.Posted p = receipts.post(partner.id(), RequestBodies.ADMIN.read(ctx, Receipts.Input.class));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("receiptId", p.receipt().receiptId());
                m.put("partner", p.receipt().partnerId());
                m.put("day", p.receipt().day().toString());
                m.put("amount", p.receipt().amount());
                m.put("currency", p.receipt().currency());
                m.put("visitorKnown", p.receipt().visitorId() != null);
                ctx.status(p.created() ? 201 : 200).json(m);
            } catch (ReceiptRefusal e) {
                ctx.status(e.status()).json(Map.of("code", e.code(), "message", e.getMessage()));
            }
        });
    }
}
