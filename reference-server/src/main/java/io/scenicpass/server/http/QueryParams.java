package io.scenicpass.server.http;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;

/** Query parameters shared by the admin lists. */
public final class QueryParams {
    private QueryParams() {}

    /** {@code ?limit=}: 1-500, default 100; anything else a typed 400. */
    public static int limit(String s) {
        if (s == null) {
            return 100;
        }
        if (!s.matches("[0-9]{1,4}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 500) {
            throw new ServiceException(Problem.BAD_REQUEST, "limit must be 1-500");
        }
        return Integer.parseInt(s);
    }
}
