package io.scenicpass.terminal;

import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the server about a pass marked "online preferred" before the gate decides. The sync client's
 * {@code onlineCheck(request, timeout)} fits: {@code req -> sync.onlineCheck(req, Duration.ofSeconds(2))} (the gate
 * itself stops waiting after the latency budget).
 * Install with {@link GateBuilder#onlineCheck(OnlineCheck)} (passes whose claims say "online preferred") or
 * {@link GateBuilder#onlineCheck(java.util.function.Predicate, OnlineCheck)}; the gate waits at most
 * the device config's {@code onlineCheckBudgetMillis} (else {@link GateBuilder#onlineCheckTimeout(Duration)}) for
 * the answer.
 *
 * <p>The request carries the event id the decision will be journaled under, so the server and the
 * journal agree: the server records the entry it admits under that id (a claim), and the later upload of the
 * journaled decision counts nothing twice. Empty (offline, timeout, error) means the gate decides offline (journaled
 * with {@code offline = true}); a DENY from the server
 * turns an offline admit into a deny with the server's reason. The server never turns an offline deny into
 * an admit.
 */
@FunctionalInterface
public interface OnlineCheck {
    /**
     * Should return within a short, bounded time; it is called without any gate lock held, on a gate
     * thread, and abandoned (interrupted) when the gate's timeout expires.
     *
     * @param request event id, pass text, gate, zone and direction
     * @return the server's answer, or empty to keep the offline decision
     */
    Optional<OnlineCheckResponse> check(OnlineCheckRequest request);
}
