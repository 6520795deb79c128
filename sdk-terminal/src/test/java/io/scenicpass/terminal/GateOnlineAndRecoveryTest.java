package io.scenicpass.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passes that carry the "online preferred" claim, and {@link Gate#notPassed} across a restart. */
class GateOnlineAndRecoveryTest {
    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();
    private final List<OnlineCheckRequest> asked = new CopyOnWriteArrayList<>();
    private final AtomicReference<Optional<OnlineCheckResponse>> answer = new AtomicReference<>(Optional.empty());

    private static Decision enter(Gate g, Pass p) {
        return g.decide(Credential.qr(p.text()), GateContext.entry("main"));
    }

    private Pass preferred() {
        return f.issue(f.claims().onlinePreferred(true).build());
    }

    private Gate gateAsking(OnlineCheck check) {
        return f.gateBuilder(dir)
                .onlineCheck(check)
                .onlineCheckTimeout(Duration.ofMillis(200))
                .build();
    }

    private EntryEvent journaled(Gate g, String eventId) {
        return g.pendingEvents(100).stream()
                .map(PendingEvent::event)
                .filter(e -> e.eventId().equals(eventId))
                .findFirst()
                .orElseThrow(AssertionError::new);
    }

    @Test
    void theServerIsAskedAboutPassesClaimingOnlinePreferredUnderTheJournaledEventId() {
        Gate g = gateAsking(req -> {
            asked.add(req);
            return answer.get();
        });
        g.setOnline(true);
        // not flagged: nobody is asked
        assertThat(enter(g, f.issue(f.claims().build())).admitted()).isTrue();
        assertThat(asked).isEmpty();

        answer.set(Optional.of(new OnlineCheckResponse(Verdict.ADMIT, "OK")));
        Pass ok = preferred();
        Decision admitted = enter(g, ok);
        assertThat(admitted.reason()).isEqualTo(Reason.OK);
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.eventId()).isEqualTo(admitted.eventId());
            assertThat(r.passText()).isEqualTo(ok.text());
        });
        assertThat(journaled(g, admitted.eventId()).verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(journaled(g, admitted.eventId()).offline())
                .as("decided with the server")
                .isFalse();

        answer.set(Optional.of(new OnlineCheckResponse(Verdict.DENY, Reason.ALREADY_ENTERED)));
        Decision denied = enter(g, preferred());
        assertThat(denied.reason()).isEqualTo(Reason.ALREADY_ENTERED);
        assertThat(denied.rule()).contains("online");
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).eventId()).isEqualTo(denied.eventId());
        EntryEvent deniedEvent = journaled(g, denied.eventId());
        assertThat(deniedEvent.verdict()).isEqualTo(Verdict.DENY);
        assertThat(deniedEvent.reason()).isEqualTo(Reason.ALREADY_ENTERED);
        // the denied pass was not counted: the offline ledger still lets it in later
        assertThat(g.state().ledger().usage(deniedEvent.passId()).entries()).isZero();
        assertThat(g.onlineCheckStats().answered()).isEqualTo(2);
        assertThat(g.onlineCheckStats().fellBack()).isZero();
        g.close();
    }

    @Test
    void aSlowOrFailingServerLeavesTheOfflineDecisionUnderTheSameEventId() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicReference<String> mode = new AtomicReference<>("hang");
        Gate g = gateAsking(req -> {
            asked.add(req);
            if ("fail".equals(mode.get())) {
                throw new IllegalStateException("connection reset");
            }
            try {
                release.await(); // never released: only the gate's timeout ends the wait
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return Optional.of(new OnlineCheckResponse(Verdict.DENY, "TOO_LATE"));
        });
        g.setOnline(true); // the sync client reaches the server: only the missing answer makes these offline
        Decision timedOut = enter(g, preferred());
        assertThat(timedOut.reason()).isEqualTo(Reason.OK);
        assertThat(asked).singleElement().satisfies(r -> assertThat(r.eventId()).isEqualTo(timedOut.eventId()));
        assertThat(journaled(g, timedOut.eventId()).verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(journaled(g, timedOut.eventId()).offline())
                .as("recorded as decided offline")
                .isTrue();
        assertThat(interrupted.await(10, TimeUnit.SECONDS))
                .as("the abandoned check is interrupted")
                .isTrue();

        mode.set("fail");
        Decision failed = enter(g, preferred());
        assertThat(failed.reason()).isEqualTo(Reason.OK);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).eventId()).isEqualTo(failed.eventId());
        assertThat(journaled(g, failed.eventId()).verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(journaled(g, failed.eventId()).offline()).isTrue();

        // an offline deny is never sent to the server
        Pass used = preferred();
        mode.set("hang");
        enter(g, used);
        Decision again = enter(g, used);
        assertThat(again.reason()).isEqualTo(Reason.ALREADY_ENTERED);
        assertThat(asked).hasSize(3);
        assertThat(g.onlineCheckStats().asked()).isEqualTo(3);
        assertThat(g.onlineCheckStats().fellBack()).isEqualTo(3);
        g.close();
    }

    @Test
    void aPredicateStillOverridesTheClaim() {
        Gate g = f.gateBuilder(dir)
                .onlineCheck(c -> c.productId().startsWith("VIP"), req -> {
                    asked.add(req);
                    return Optional.of(new OnlineCheckResponse(Verdict.DENY, Reason.REVOKED));
                })
                .build();
        assertThat(enter(g, preferred()).admitted()).isTrue();
        assertThat(enter(g, f.issue(f.claims().productId("VIP-1").build())).reason())
                .isEqualTo(Reason.REVOKED);
        assertThat(asked).hasSize(1);
        g.close();
    }

    @Test
    void notPassedWorksAfterARestart() {
        Pass single = f.issue(f.claims().build());
        Pass multi = f.issue(f.claims()
                .kind(PassKind.DAY)
                .entriesAllowed(3)
                .reentry(io.scenicpass.core.ReentryPolicy.UNLIMITED)
                .build());
        Gate g = f.gate(dir);
        Decision d = enter(g, single);
        Decision m1 = enter(g, multi);
        Decision m2 = enter(g, multi);
        assertThat(g.notPassed(m2.eventId())).isTrue();
        g.close();

        Gate again = f.gate(dir);
        assertThat(again.state().ledger().usage(single.claims().passId()).entries())
                .isEqualTo(1);
        assertThat(again.notPassed(d.eventId())).isTrue();
        assertThat(again.state().ledger().usage(single.claims().passId()).entries())
                .isZero();
        assertThat(again.notPassed(d.eventId())).isFalse();
        // m2 was given back before the restart; m1 can still be
        assertThat(again.notPassed(m2.eventId())).isFalse();
        assertThat(again.notPassed(m1.eventId())).isTrue();
        assertThat(again.state().ledger().usage(multi.claims().passId()).entries())
                .isZero();
        List<PendingEvent> events = again.pendingEvents(100);
        assertThat(events)
                .extracting(p -> p.event().reason())
                .containsExactly(
                        Reason.OK, Reason.OK, Reason.OK, Reason.NOT_PASSED, Reason.NOT_PASSED, Reason.NOT_PASSED);
        assertThat(events.get(4).event().passId()).isEqualTo(single.claims().passId());
        assertThat(events.get(4).event().verdict()).isEqualTo(Verdict.DENY);
        assertThat(enter(again, single).reason()).isEqualTo(Reason.OK);
        again.close();

        // also once the admissions were uploaded and checkpointed (compaction may have run)
        Gate third = f.gate(dir);
        Decision late = enter(third, f.issue(f.claims().build()));
        third.markUploaded(third.pendingEvents(100).stream()
                .map(PendingEvent::recordId)
                .collect(java.util.stream.Collectors.toList()));
        third.close();
        Gate fourth = f.gate(dir);
        assertThat(fourth.notPassed(late.eventId())).isTrue();
        fourth.close();
    }
}
