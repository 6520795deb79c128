package io.scenicpass.channel.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.channel.ChannelIoException;
import io.scenicpass.channel.MalformedResponseException;
import io.scenicpass.channel.OctoApiException;
import io.scenicpass.channel.RateLimitedException;
import io.scenicpass.channel.RetryPolicy;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.channel.model.OctoError;
import io.scenicpass.channel.model.OctoErrorCode;
import io.scenicpass.channel.model.OctoJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link OctoCall}s with authentication, retries and error mapping. Logs method, path template, status,
 * attempt and duration only: never headers (the API key), bodies or query values (personal data).
 */
public final class OctoTransport {
    private static final Logger LOG = LoggerFactory.getLogger("io.scenicpass.channel.ChannelClient");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Answers larger than this are refused rather than buffered (a misbehaving proxy must not exhaust memory). */
    static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final String authorization;
    private final String capabilities;
    private final String userAgent;
    private final RetryPolicy policy;
    private final RetryPolicy.Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final ObjectMapper mapper = OctoJson.mapper();

    /**
     * @param http the configured OkHttp client
     * @param baseUrl the OCTO endpoint, e.g. {@code https://host/octo}
     * @param apiKey the channel's API key
     * @param capabilities the {@code Octo-Capabilities} header value, or empty
     * @param userAgent the User-Agent
     * @param policy the retry policy
     * @param sleeper waits between attempts
     * @param clock the clock (for HTTP-date Retry-After)
     * @param random uniform numbers in [0, 1) for jitter
     */
    public OctoTransport(
            OkHttpClient http,
            HttpUrl baseUrl,
            String apiKey,
            String capabilities,
            String userAgent,
            RetryPolicy policy,
            RetryPolicy.Sleeper sleeper,
            Clock clock,
            DoubleSupplier random) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.capabilities = capabilities;
        this.userAgent = userAgent;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    /** Never reveals the API key. */
    @Override
    public String toString() {
        return "baseUrl=" + baseUrl + ", capabilities=" + capabilities + ", " + policy;
    }

    /**
     * Performs a call, retrying as the policy allows.
     *
     * @param call the call
     * @param <T> the answer type
     * @return the parsed answer
     */
    public <T> T execute(OctoCall call) {
        Request request = buildRequest(call);
        int max = policy.getMaxAttempts();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            Duration wait;
            try (Response response = http.newCall(request).execute()) {
                int status = response.code();
                ResponseBody rb = response.body();
                String body = readBody(call, status, rb);
                LOG.debug(
                        "OCTO {} -> HTTP {} in {} ms (attempt {}/{})",
                        call.describe(),
                        status,
                        (System.nanoTime() - started) / 1_000_000L,
                        attempt,
                        max);
                if (status >= 200 && status < 300) {
                    return parse(call, status, body);
                }
                ErrorBody err = parseError(body);
                if (status == 429) {
                    Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
                    wait = retryAfter != null ? retryAfter : policy.jitteredBackoff(attempt, random.getAsDouble());
                    if (attempt >= max || wait.compareTo(policy.getMaxRetryAfter()) > 0) {
                        throw new RateLimitedException(
                                "rate limited on " + call.describe()
                                        + (retryAfter == null ? "" : "; retry after " + retryAfter.getSeconds() + " s"),
                                retryAfter,
                                err.error,
                                call.bookingUuid);
                    }
                } else if (status >= 500 && attempt < max) {
                    wait = policy.jitteredBackoff(attempt, random.getAsDouble());
                } else {
                    throw apiError(call, status, err);
                }
                LOG.warn(
                        "OCTO {} answered HTTP {} (attempt {}/{}); retrying in {} ms",
                        call.describe(),
                        status,
                        attempt,
                        max,
                        wait.toMillis());
            } catch (IOException e) {
                if (attempt >= max) {
                    throw new ChannelIoException(
                            call.describe() + " failed after " + attempt + " attempt(s): " + describe(e),
                            call.bookingUuid,
                            e);
                }
                wait = policy.jitteredBackoff(attempt, random.getAsDouble());
                LOG.warn(
                        "OCTO {} failed: {} (attempt {}/{}); retrying in {} ms",
                        call.describe(),
                        describe(e),
                        attempt,
                        max,
                        wait.toMillis());
            }
            pause(call, wait);
        }
    }

    private static String readBody(OctoCall call, int status, ResponseBody rb) throws IOException {
        if (rb == null) {
            return "";
        }
        okio.BufferedSource source = rb.source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            throw new MalformedResponseException(
                    call.describe() + " answered HTTP " + status + " with a body over " + MAX_BODY_BYTES + " bytes",
                    status,
                    call.bookingUuid,
                    null);
        }
        return source.readUtf8();
    }

    private void pause(OctoCall call, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            InterruptedIOException cause = new InterruptedIOException("interrupted while waiting to retry");
            throw new ChannelIoException(call.describe() + " interrupted", call.bookingUuid, cause);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    private Request buildRequest(OctoCall call) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        for (String segment : call.pathSegments) {
            url.addPathSegment(segment);
        }
        for (Map.Entry<String, String> q : call.query.entrySet()) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        Request.Builder b = new Request.Builder()
                .url(url.build())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        if (!capabilities.isEmpty()) {
            b.header(OctoCapabilities.HEADER, capabilities);
        }
        RequestBody body = call.body == null ? null : RequestBody.create(OctoJson.writeCompact(call.body), JSON);
        if (body == null && !"GET".equals(call.method)) {
            body = RequestBody.create("{}", JSON);
        }
        return b.method(call.method, body).build();
    }

    private <T> T parse(OctoCall call, int status, String body) {
        if (body.trim().isEmpty()) {
            throw new MalformedResponseException(
                    call.describe() + " answered HTTP " + status + " with an empty body",
                    status,
                    call.bookingUuid,
                    null);
        }
        try {
            T value = mapper.readValue(body, call.responseType);
            if (value == null) {
                throw new MalformedResponseException(
                        call.describe() + " answered HTTP " + status + " with null", status, call.bookingUuid, null);
            }
            return value;
        } catch (JsonProcessingException e) {
            // The parser's message may quote parts of the body (personal data): report only where it failed.
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new MalformedResponseException(
                    call.describe() + " answered HTTP " + status + " with a body that is " + "not a valid "
                            + call.responseType.toCanonical() + where + " (" + body.length() + " chars)",
                    status,
                    call.bookingUuid,
                    null);
        }
    }

    private static final class ErrorBody {
        final OctoError error;
        final String rawCode;

        ErrorBody(OctoError error, String rawCode) {
            this.error = error;
            this.rawCode = rawCode;
        }
    }

    private ErrorBody parseError(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node != null && node.isObject() && node.path("error").isTextual()) {
                return new ErrorBody(
                        mapper.treeToValue(node, OctoError.class),
                        node.get("error").asText());
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.debug("error body is not OCTO JSON ({})", e.getClass().getSimpleName());
        }
        return new ErrorBody(null, null);
    }

    private static OctoApiException apiError(OctoCall call, int status, ErrorBody err) {
        OctoErrorCode code;
        String message;
        if (err.error != null && err.error.getError() != null) {
            code = err.error.getError();
            String id = err.error.offendingId();
            message = err.rawCode + ": " + (err.error.getErrorMessage() == null ? "" : err.error.getErrorMessage())
                    + (id == null ? "" : " [" + id + "]") + " (" + call.describe() + ", HTTP " + status + ")";
        } else {
            code = codeForStatus(call, status);
            message = code + ": HTTP " + status + " without an OCTO error body (" + call.describe() + ")";
        }
        return new OctoApiException(message, code, status, err.error, call.bookingUuid);
    }

    private static OctoErrorCode codeForStatus(OctoCall call, int status) {
        switch (status) {
            case 401:
                return OctoErrorCode.UNAUTHORIZED;
            case 403:
                return OctoErrorCode.FORBIDDEN;
            case 404:
                return call.notFoundCode;
            case 409:
            case 422:
                return OctoErrorCode.UNPROCESSABLE_ENTITY;
            default:
                return status >= 500 ? OctoErrorCode.INTERNAL_SERVER_ERROR : OctoErrorCode.BAD_REQUEST;
        }
    }
}
