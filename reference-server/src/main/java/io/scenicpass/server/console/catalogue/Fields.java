package io.scenicpass.server.console.catalogue;

import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.sales.CatalogueService;
import java.math.BigDecimal;

/**
 * The catalogue forms' fields beyond {@link io.scenicpass.server.console.desk.Forms}: amounts typed in yuan (two
 * decimals, stored in fen), optional whole numbers and check boxes; a bad one is a typed 400 naming the field.
 */
final class Fields {
    private Fields() {}

    /** An amount in yuan ("120", "120.5", "120.50") as fen, 0..{@link CatalogueService#MAX_PRICE}. */
    static long yuan(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " is required");
        }
        if (!v.strip().matches("[0-9]{1,9}(\\.[0-9]{1,2})?")) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, name + " must be an amount in yuan with at most two decimals, e.g. 120.50");
        }
        long fen = new BigDecimal(v.strip()).movePointRight(2).longValueExact();
        if (fen > CatalogueService.MAX_PRICE) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, name + " must be 0.00.." + shown(CatalogueService.MAX_PRICE) + " yuan");
        }
        return fen;
    }

    /** {@link #yuan}, or {@code otherwise} when the field is left empty. */
    static long yuanOr(Context ctx, String name, long otherwise) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? otherwise : yuan(ctx, name);
    }

    /** A whole number 0..9,999,999, or null when the field is left empty. */
    static Integer optionalNumber(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (!v.strip().matches("[0-9]{1,7}")) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be a whole number");
        }
        return Integer.parseInt(v.strip());
    }

    /** A check box: ticked when the field is sent with any value but "false". */
    static boolean ticked(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v != null && !v.equals("false");
    }

    /** "true" or "false" (a switch's button), else a typed 400. */
    static boolean bool(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (!"true".equals(v) && !"false".equals(v)) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    /** Fen shown as yuan with two decimals ("120.50"). */
    static String shown(long fen) {
        return io.scenicpass.server.reports.Export.yuan(fen).toPlainString();
    }
}
