package io.scenicpass.server.console.desk;

import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;

/** The fields of these pages' forms: required text and whole numbers, a typed 400 BAD_REQUEST naming the field. */
public final class Forms {
    private Forms() {}

    public static String text(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " is required");
        }
        return v.trim();
    }

    public static int number(Context ctx, String name) {
        String v = text(ctx, name);
        if (!v.matches("[0-9]{1,7}")) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be a whole number");
        }
        return Integer.parseInt(v);
    }

    /** The HTTP status of a service's refusal on a page. */
    public static int status(ServiceException e) {
        return switch (e.problem()) {
            case NOT_FOUND -> 404;
            case CONFLICT, LAST_ADMINISTRATOR -> 409;
            case UNPROCESSABLE_ENTITY -> 422;
            default -> 400;
        };
    }
}
