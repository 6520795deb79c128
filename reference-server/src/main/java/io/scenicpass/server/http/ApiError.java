package io.scenicpass.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.HttpResponseException;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns ANY exception into a typed {@link ServiceException} (problem + safe message). The single place that
 * decides what an unexpected failure looks like; each API then renders it with its own mapper.
 */
public final class ApiError {
    private static final Logger LOG = LoggerFactory.getLogger(ApiError.class);

    /** A classified failure: the problem, a safe message, the offending id and the HTTP status. */
    public record Classified(Problem problem, String message, String offendingId, int status, boolean internal) {}

    /** The message of every "busy" answer (also Jetty's own 503, see JettyJsonErrors). */
    static final String BUSY = "the server is busy, retry later";
    /** Seconds a busy client is asked to wait ({@code Retry-After}). */
    static final String RETRY_AFTER_SECONDS = "1";

    private ApiError() {}

    public static Classified classify(Exception e, String method, String path) {
        if (bodyTooLarge(e)) {
            return new Classified(Problem.PAYLOAD_TOO_LARGE, "request body too large", null, 413, false);
        }
        if (e instanceof ServiceException se) {
            return new Classified(se.problem(), se.getMessage(), se.offendingId(), status(se.problem()), false);
        }
        if (e instanceof JsonProcessingException jpe) {
            return new Classified(Problem.BAD_REQUEST, jsonMessage(jpe), null, 400, false);
        }
        if (e instanceof HttpResponseException hre) {
            int s = hre.getStatus();
            Problem p = s == 413
                    ? Problem.PAYLOAD_TOO_LARGE
                    : s == 404
                            ? Problem.NOT_FOUND
                            : s == 405 ? Problem.NOT_FOUND : s == 401 ? Problem.UNAUTHORIZED : Problem.BAD_REQUEST;
            String msg =
                    s == 413 ? "request body too large" : s == 404 || s == 405 ? "no such endpoint" : hre.getMessage();
            return new Classified(p, msg, null, s == 405 ? 404 : s, false);
        }
        if (e instanceof ScenicPassException spe) {
            return new Classified(Problem.BAD_REQUEST, spe.getMessage(), null, 400, false);
        }
        if (e instanceof IllegalArgumentException || e instanceof java.time.DateTimeException) {
            return new Classified(Problem.BAD_REQUEST, "invalid value: " + safe(e.getMessage()), null, 400, false);
        }
        if (e instanceof StoreException se && clientCaused(se) != null) {
            // the request's data broke a column limit or constraint (too long, missing, unknown reference, duplicate)
            LOG.debug(
                    "request data refused by the database on {} {}: {}",
                    method,
                    path,
                    se.getCause().getMessage());
            Problem p = clientCaused(se);
            return new Classified(
                    p,
                    p == Problem.CONFLICT
                            ? "conflicts with an existing record"
                            : "a value is too long, out of range, missing or refers to an unknown id",
                    null,
                    status(p),
                    false);
        }
        if (e instanceof StoreException se && se.isBusy()) {
            // every pooled connection stayed busy for the pool's whole timeout: overloaded, not broken (no stack trace)
            LOG.warn(
                    "database pool busy on {} {}: {}",
                    method,
                    path,
                    se.getCause().getMessage());
            return new Classified(Problem.SERVICE_UNAVAILABLE, BUSY, null, 503, false);
        }
        if (e instanceof StoreException) {
            LOG.error("database failure on {} {}", method, path, e);
            return new Classified(Problem.BAD_REQUEST, "the database is unavailable, retry later", null, 503, true);
        }
        LOG.error("unexpected failure on {} {}", method, path, e);
        return new Classified(Problem.BAD_REQUEST, "internal error, retry later", null, 500, true);
    }

    /**
     * True when reading the body failed because it went over the size limit (Jetty's {@code SizeLimitHandler}, see
     * {@link HttpGuards#limitBodies}): its 413 comes out of the body stream, often wrapped (Jackson, a gzip stream).
     */
    static boolean bodyTooLarge(Throwable e) {
        for (int depth = 0; e != null && depth < 10; e = e.getCause(), depth++) {
            if (e instanceof org.eclipse.jetty.http.HttpException he && he.getCode() == 413) {
                return true;
            }
        }
        return false;
    }

    /**
     * The problem when the database refused the request's own data: SQLState class 22 (data exception: value too
     * long or out of range) or 23 (integrity constraint: not null, foreign key; 23505 unique is a conflict), the same
     * codes in H2 and PostgreSQL. Null for anything else (a real database failure).
     */
    private static Problem clientCaused(StoreException e) {
        if (!(e.getCause() instanceof java.sql.SQLException sql) || sql.getSQLState() == null) {
            return null;
        }
        String state = sql.getSQLState();
        if (state.equals("23505")) {
            return Problem.CONFLICT;
        }
        return state.startsWith("22") || state.startsWith("23") ? Problem.BAD_REQUEST : null;
    }

    static int status(Problem p) {
        switch (p) {
            case UNAUTHORIZED:
            case WRONG_PIN:
                return 401;
            case FORBIDDEN:
            case NOT_A_SELLER:
            case BOX_OFFICE_ONLY:
                return 403;
            case NOT_FOUND:
            case BOOKING_NOT_FOUND:
            case PASS_UNKNOWN:
                return 404;
            case CONFLICT:
            case SHIFT_ALREADY_OPEN:
            case ALREADY_PRINTED:
            case NOT_PRINTED:
            case BOOKING_CANCELLED:
            case BOOKING_EXPIRED:
            case BOOKING_NOT_CONFIRMED:
            case VISIT_DAY_PASSED:
            case LAST_ADMINISTRATOR:
            case PASS_STATE:
            case ACTIVATION_DEADLINE_PASSED:
            case SALE_NOT_PAID:
            case ALREADY_REFUNDED:
            case PASS_USED:
            case ALREADY_PAID_OUT:
            case ALREADY_ACTIVE:
            case PASS_FROZEN:
            case WRONG_AREA:
            case DOCUMENT_MISMATCH:
                return 409;
            case LIVENESS_FAILED:
            case LIVENESS_MISSING:
                return 422;
            case PAYLOAD_TOO_LARGE:
                return 413;
            case TOO_MANY_REQUESTS:
                return 429;
            case SERVICE_UNAVAILABLE:
                return 503;
            default:
                return 400;
        }
    }

    private static String jsonMessage(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return "a string or number in the body is too long, or the body nests too deep";
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return "unknown field '" + path(upe) + "'";
        }
        if (e instanceof InvalidNullException ine) {
            return "field '" + path(ine) + "' must not be null";
        }
        if (e instanceof InvalidFormatException ife) {
            return "invalid value for field '" + path(ife) + "'";
        }
        if (e instanceof MismatchedInputException mie) {
            String field = path(mie);
            return field.isEmpty() ? "request body must be a JSON object" : "wrong type for field '" + field + "'";
        }
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            // e.g. an InputCoercionException (2147483648 for an int) wrapped with the field it was read for
            return (e.getCause() instanceof InputCoercionException
                            ? "number out of range for field '"
                            : "invalid value for field '")
                    + path(jme) + "'";
        }
        if (e instanceof InputCoercionException) {
            return "number out of range";
        }
        return "malformed JSON";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return sb.toString();
    }

    private static String safe(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
