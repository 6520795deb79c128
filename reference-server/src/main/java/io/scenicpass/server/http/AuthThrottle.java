package io.scenicpass.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService.TokenBucket;
import java.time.Clock;
import java.time.Duration;

/**
 * Throttles credential guessing per client address: each refused credential (a 401: channel API key, admin token,
 * device or enrollment token) takes a token from the address's bucket of {@code maxFailures}, refilled at
 * {@code maxFailures} per {@code window}. An address with an empty bucket is answered 429 with Retry-After before any
 * credential is looked at, the right ones included: a guess it cannot check tells the guesser nothing. The address is
 * the connection's (behind a reverse proxy, the proxy's: every client behind it shares one bucket).
 *
 * <p>Once an address has a refused credential in the window, each of its requests takes a token on the way in and
 * gets it back unless refused: concurrent guesses cannot all slip through on one token. Addresses without refusals
 * (every well-behaved client) take nothing.
 */
public final class AuthThrottle {
    private static final String TAKEN = "scenicpass.authThrottle.taken";
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Cache<String, TokenBucket> buckets;

    public AuthThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "auth.maxFailures must be at least 1 and auth.failureWindowSeconds positive");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        // idle addresses are forgotten after a window (their bucket would be full again); ticks on the injected clock
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(window)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /**
     * Before a request: 429 TOO_MANY_REQUESTS with Retry-After when its address has no try left; takes a try from an
     * address with recent refusals ({@code stream}: a long-lived event stream only checks, it would hold the try for
     * hours).
     */
    void admit(Context ctx, boolean stream) {
        TokenBucket b = buckets.getIfPresent(ctx.req().getRemoteAddr());
        if (b == null) {
            return;
        }
        long wait = stream ? b.waitSeconds(clock.millis()) : b.tryTake(clock.millis());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ServiceException(
                    Problem.TOO_MANY_REQUESTS,
                    "too many refused credentials from this address, retry after " + wait + " s");
        }
        if (!stream) {
            ctx.attribute(TAKEN, b);
        }
    }

    /** After a request (answered or failed): a refused credential keeps its try; any other answer gives it back. */
    void done(Context ctx) {
        TokenBucket taken = ctx.attribute(TAKEN);
        if (ctx.statusCode() == 401) {
            if (taken == null) {
                buckets.get(
                                ctx.req().getRemoteAddr(),
                                a -> new TokenBucket(maxFailures * 1000.0 / window.toMillis(), maxFailures))
                        .tryTake(clock.millis());
            }
        } else if (taken != null) {
            taken.giveBack();
        }
    }
}
