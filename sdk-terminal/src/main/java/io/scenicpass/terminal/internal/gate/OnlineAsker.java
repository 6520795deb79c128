package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.Claims;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.terminal.OnlineCheck;
import io.scenicpass.terminal.OnlineCheckStats;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the server about "online preferred" passes with a hard timeout: the {@link OnlineCheck} runs on a
 * small bounded pool of daemon threads and the gate waits at most the timeout (the device config's latency budget,
 * else the builder's) for its answer. A timeout, an error, a full pool or no answer all mean "keep the offline
 * decision"; each is counted ({@link #stats()}).
 */
public final class OnlineAsker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineAsker.class);
    private static final int MAX_THREADS = 8;

    private final Predicate<Claims> preferred;
    private final OnlineCheck check;
    private final long timeoutNanos;
    private final ThreadPoolExecutor pool;
    private final LongAdder asked = new LongAdder();
    private final LongAdder answered = new LongAdder();

    /**
     * @param preferred which passes to ask about
     * @param check the online check
     * @param timeout how long a decision waits for the answer at most, unless the device config says otherwise
     */
    public OnlineAsker(Predicate<Claims> preferred, OnlineCheck check, Duration timeout) {
        this.preferred = preferred;
        this.check = check;
        this.timeoutNanos = timeout.toNanos();
        this.pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "scenicpass-online-check");
            t.setDaemon(true);
            return t;
        });
    }

    /** @param claims a pass's claims @return whether to ask the server about it */
    public boolean wants(Claims claims) {
        return preferred.test(claims);
    }

    /**
     * @param request the request (carrying the event id the decision is journaled under)
     * @param budgetMillis the device config's latency budget; 0 or less: the builder's timeout
     * @return the server's answer, or empty to keep the offline decision
     */
    public Optional<OnlineCheckResponse> ask(OnlineCheckRequest request, long budgetMillis) {
        asked.increment();
        Optional<OnlineCheckResponse> r =
                askWithin(request, budgetMillis > 0 ? budgetMillis * 1_000_000L : timeoutNanos);
        if (r.isPresent()) {
            answered.increment();
        }
        return r;
    }

    /** @return what the online check did so far */
    public OnlineCheckStats stats() {
        long a = asked.sum();
        long ok = answered.sum();
        return new OnlineCheckStats(a, ok, a - ok);
    }

    private Optional<OnlineCheckResponse> askWithin(OnlineCheckRequest request, long nanos) {
        Future<Optional<OnlineCheckResponse>> answer;
        try {
            answer = pool.submit(() -> check.check(request));
        } catch (RejectedExecutionException e) {
            LOG.warn("online checks are all busy; deciding offline for {}", request.eventId());
            return Optional.empty();
        }
        try {
            Optional<OnlineCheckResponse> r = answer.get(nanos, TimeUnit.NANOSECONDS);
            return r == null || (r.isPresent() && r.get().verdict() == null) ? Optional.empty() : r;
        } catch (TimeoutException e) {
            answer.cancel(true);
            LOG.warn(
                    "online check over its {} ms budget; deciding offline for {}",
                    nanos / 1_000_000,
                    request.eventId());
        } catch (ExecutionException e) {
            LOG.warn("online check failed; deciding offline: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
