package io.scenicpass.terminal;

import static io.scenicpass.terminal.GateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.Direction;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.journal.FsyncPolicy;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.state.OveruseNotice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts, uploads, documents via the manifest, not-passed, over-use, clock correction, journal full. */
class GateLifecycleTest {
    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();

    private static Decision enter(Gate g, Pass p) {
        return g.decide(Credential.qr(p.text()), GateContext.entry("main"));
    }

    @Test
    void entryCountsRevocationsAndConfigSurviveARestartOffline() {
        Pass single = f.issue(f.claims().build());
        Pass annual = f.issue(f.claims()
                .kind(PassKind.ANNUAL)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.AFTER_EXIT)
                .build());
        Pass revoked = f.issue(f.claims().build());
        Gate g = f.gate(dir);
        assertThat(enter(g, single).admitted()).isTrue();
        assertThat(enter(g, annual).admitted()).isTrue();
        GateInternals.state(g)
                .applyRevocations(new RevocationDelta(
                        0, 1, Collections.singletonList(revoked.claims().passId()), false));
        GateInternals.state(g)
                .applyConfig(
                        f.configBuilder().lateToleranceSeconds(77).version(5).build());
        // no Gate.close() (no ledger checkpoint), as after a power cut: the journal is the source of the counts
        GateInternals.journal(g).close();
        Gate again = f.gateBuilder(dir).keySet(null).config(null).build();
        assertThat(enter(again, single).reason()).isEqualTo(Reason.ALREADY_ENTERED);
        assertThat(enter(again, annual).reason()).isEqualTo(Reason.EXIT_REQUIRED);
        assertThat(enter(again, revoked).reason()).isEqualTo(Reason.REVOKED);
        assertThat(again.state().config().get().lateToleranceSeconds()).isEqualTo(77);
        assertThat(again.state().keySetSequence()).isEqualTo(1);
        assertThat(again.pendingEvents(100)).hasSize(5);
        again.close();
        GateInternals.state(g).close();
    }

    @Test
    void damagedStateFilesDoNotKeepTheGateFromStartingAndCountsComeBackFromTheJournal() throws Exception {
        Pass single = f.issue(f.claims().build());
        Gate g = f.gate(dir);
        assertThat(enter(g, single).admitted()).isTrue();
        g.close();
        java.nio.file.Files.write(
                dir.resolve("state/usage.json"),
                "{\"passes\": {\"P1\": {\"time\": \"not a time\"}}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.file.Files.write(dir.resolve("state/config.json"), new byte[] {'{', 'x'});
        Gate again = f.gateBuilder(dir).config(null).build();
        assertThat(again.state().config()).isEmpty();
        assertThat(enter(again, single).reason()).isEqualTo(Reason.ALREADY_ENTERED);
        again.close();
    }

    @Test
    void twoGatesCannotShareAStateDirectory() {
        Gate g = f.gate(dir);
        assertThatThrownBy(() -> f.gate(dir))
                .isInstanceOf(io.scenicpass.terminal.journal.JournalException.class)
                .extracting(e -> ((io.scenicpass.terminal.journal.JournalException) e).code())
                .isEqualTo("JOURNAL_LOCKED");
        g.close();
        f.gate(dir).close();
    }

    @Test
    void countsSurviveUploadCompactionAndRestart() {
        Pass single = f.issue(f.claims().build());
        Gate g = f.gateBuilder(dir).journalSegmentBytes(4096).build();
        assertThat(enter(g, single).admitted()).isTrue();
        for (int i = 0; i < 60; i++) {
            enter(g, f.issue(f.claims().build()));
        }
        List<PendingEvent> pending = g.pendingEvents(1000);
        assertThat(pending).hasSize(61);
        int segmentsBefore = g.journal().segmentCount();
        g.markUploaded(pending.stream().map(PendingEvent::recordId).collect(Collectors.toList()));
        assertThat(g.journal().segmentCount()).isLessThan(segmentsBefore);
        assertThat(g.pendingEvents(10)).isEmpty();
        g.close();
        Gate again = f.gate(dir);
        assertThat(enter(again, single).reason()).isEqualTo(Reason.ALREADY_ENTERED);
        again.close();
    }

    @Test
    void usageOfEndedPassesIsPrunedAtUploadButLongPassesAreKept() {
        Gate g = f.gateBuilder(dir).journalSegmentBytes(4096).build();
        Pass day = f.issue(f.claims().build());
        Pass annual = f.issue(f.claims()
                .kind(PassKind.ANNUAL)
                .validUntil(T0.plus(Duration.ofDays(300)))
                .build());
        enter(g, day);
        enter(g, annual);
        assertThat(g.state().ledger().size()).isEqualTo(2);
        for (int i = 0; i < 20; i++) { // fill a segment so the upload compacts (and checkpoints)
            g.decide(Credential.qr("garbage " + i), GateContext.entry("main"));
        }
        f.clock.advance(Duration.ofDays(2));
        g.markUploaded(g.pendingEvents(100).stream().map(PendingEvent::recordId).collect(Collectors.toList()));
        assertThat(g.state().ledger().usage(day.claims().passId()).entries()).isZero();
        assertThat(g.state().ledger().usage(annual.claims().passId()).entries()).isEqualTo(1);
        g.close();
        Gate again = f.gate(dir);
        assertThat(again.state().ledger().size()).isEqualTo(1);
        assertThat(enter(again, annual).reason()).isEqualTo(Reason.ALREADY_ENTERED);
        again.close();
    }

    @Test
    void outboxAcknowledgesByEventId() {
        Gate g = f.gate(dir);
        Decision a = enter(g, f.issue(f.claims().build()));
        Decision b = enter(g, f.issue(f.claims().build()));
        assertThat(g.outbox().pending(10)).extracting(EntryEvent::eventId).containsExactly(a.eventId(), b.eventId());
        g.outbox().markUploaded(Arrays.asList(a.eventId(), "unknown"));
        assertThat(g.outbox().pending(10)).extracting(EntryEvent::eventId).containsExactly(b.eventId());
        g.close();
        Gate again = f.gate(dir);
        assertThat(again.outbox().pending(10)).extracting(EntryEvent::eventId).containsExactly(b.eventId());
        again.outbox().markUploaded(Collections.singletonList(b.eventId()));
        assertThat(again.outbox().pendingCount()).isZero();
        again.close();
    }

    @Test
    void admittedButNotPassedGivesTheEntryBack() {
        Gate g = f.gate(dir);
        Pass p = f.issue(f.claims().build());
        Decision d = enter(g, p);
        assertThat(g.notPassed(d.eventId())).isTrue();
        assertThat(g.notPassed(d.eventId())).isFalse();
        assertThat(g.notPassed("no-such-event")).isFalse();
        List<PendingEvent> events = g.pendingEvents(10);
        assertThat(events).hasSize(2);
        EntryEvent undo = events.get(1).event();
        assertThat(undo.reason()).isEqualTo(Reason.NOT_PASSED);
        assertThat(undo.verdict()).isEqualTo(Verdict.DENY);
        assertThat(undo.passId()).isEqualTo(p.claims().passId());
        g.close();
        Gate again = f.gate(dir);
        Decision retry = enter(again, p);
        assertThat(retry.reason()).isEqualTo(Reason.OK);
        assertThat(enter(again, p).reason()).isEqualTo(Reason.ALREADY_ENTERED);
        again.close();
    }

    @Test
    void notPassedAfterAntiPassbackEntryRestoresTheDirection() {
        Gate g = f.gate(dir);
        Pass p = f.issue(f.claims()
                .kind(PassKind.ANNUAL)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.AFTER_EXIT)
                .build());
        enter(g, p);
        g.decide(Credential.qr(p.text()), GateContext.exit("main"));
        Decision second = enter(g, p);
        assertThat(second.admitted()).isTrue();
        g.notPassed(second.eventId());
        assertThat(g.state().ledger().usage(p.claims().passId()).lastDirection())
                .contains(Direction.OUT);
        assertThat(g.state().ledger().usage(p.claims().passId()).entries()).isEqualTo(1);
        assertThat(enter(g, p).admitted()).isTrue();
        g.close();
    }

    @Test
    void documentsCardsAndFacesResolveThroughTheManifest() {
        Gate g = f.gate(dir);
        String idNumber = "11010519491231002X";
        byte[] binding = GateFixture.binding(DocumentType.CN_ID, idNumber);
        Pass used = f.issue(f.claims().holderBinding(binding).build());
        Pass tomorrow = f.issue(f.claims()
                .holderBinding(binding)
                .validFrom(T0.plus(Duration.ofDays(1)))
                .validUntil(T0.plus(Duration.ofDays(2)))
                .build());
        Pass today = f.issue(f.claims().holderBinding(binding).concession(true).build());
        String b = GateFixture.b64url(binding);
        Pass passportPass = f.issue(f.claims()
                .holderBinding(GateFixture.binding(DocumentType.PASSPORT, "E12345678"))
                .build());
        Pass cardPass = f.issue(
                f.claims().entriesAllowed(0).reentry(ReentryPolicy.UNLIMITED).build());
        Pass facePass = f.issue(f.claims().build());
        GateInternals.state(g)
                .applyManifest(new ManifestDelta(
                        0,
                        7,
                        Arrays.asList(
                                entry(used, Collections.singletonList(b), null, null),
                                entry(tomorrow, Collections.singletonList(b), null, null),
                                entry(today, Collections.singletonList(b), null, null),
                                entry(
                                        passportPass,
                                        Collections.singletonList(GateFixture.b64url(
                                                GateFixture.binding(DocumentType.PASSPORT, "E12345678"))),
                                        null,
                                        null),
                                entry(cardPass, null, Collections.singletonList("04:A2:2B:91"), null),
                                entry(facePass, null, null, Collections.singletonList("face-77"))),
                        null,
                        false));
        assertThat(enter(g, used).admitted()).isTrue();

        // first admissible of the person's passes: 'used' is used, 'tomorrow' not yet valid, 'today' admits,
        // and the ID card itself satisfies the concession check
        Decision byId = g.decide(Credential.idCard(idNumber.toLowerCase()), GateContext.entry("main"));
        assertThat(byId.reason()).isEqualTo(Reason.OK);
        assertThat(byId.pass().get().passId()).isEqualTo(today.claims().passId());
        assertThat(byId.credentialType().name()).isEqualTo("ID_CARD");
        // now nothing admissible: the most informative denial (furthest in the chain) wins
        Decision none = g.decide(Credential.idCard(idNumber), GateContext.entry("main"));
        assertThat(none.reason()).isEqualTo(Reason.ALREADY_ENTERED);

        assertThat(g.decide(Credential.passport("E12345678"), GateContext.entry("main"))
                        .reason())
                .isEqualTo("OK");
        assertThat(g.decide(Credential.cardUid("04a22b91"), GateContext.entry("main"))
                        .reason())
                .isEqualTo("OK");
        assertThat(g.decide(Credential.face("face-77"), GateContext.entry("main"))
                        .reason())
                .isEqualTo("OK");
        assertThat(g.decide(Credential.palm("nobody"), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.NOT_FOUND);
        assertThat(g.decide(Credential.idCard("110105194912310021"), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.NOT_FOUND);
        g.close();
        // the manifest survives a restart
        Gate again = f.gate(dir);
        assertThat(again.state().manifest().size()).isEqualTo(6);
        assertThat(again.state().manifestCursor()).isEqualTo(7);
        assertThat(again.decide(Credential.cardUid("04A22B91"), GateContext.entry("main"))
                        .reason())
                .isEqualTo("OK");
        again.close();
    }

    private static ManifestEntry entry(Pass p, List<String> bindings, List<String> cards, List<String> subjects) {
        return new ManifestEntry(p.claims().passId(), p.text(), bindings, cards, subjects);
    }

    @Test
    void onlinePreferredPassesAskTheServerWithTheEventIdTheyAreJournaledUnder() {
        List<io.scenicpass.core.wire.OnlineCheckRequest> asked = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<java.util.Optional<io.scenicpass.core.wire.OnlineCheckResponse>>
                answer = new java.util.concurrent.atomic.AtomicReference<>(java.util.Optional.empty());
        Gate g = f.gateBuilder(dir)
                .onlineCheck(c -> c.productId().startsWith("VIP"), req -> {
                    asked.add(req);
                    return answer.get();
                })
                .build();
        // server unreachable: the offline decision stands
        Decision offline = enter(g, f.issue(f.claims().productId("VIP-1").build()));
        assertThat(offline.reason()).isEqualTo(Reason.OK);
        assertThat(asked).singleElement().satisfies(r -> assertThat(r.eventId()).isEqualTo(offline.eventId()));
        // the server knows better: used at another gate a minute ago
        answer.set(java.util.Optional.of(
                new io.scenicpass.core.wire.OnlineCheckResponse(Verdict.DENY, "ALREADY_ENTERED")));
        Decision denied = enter(g, f.issue(f.claims().productId("VIP-2").build()));
        assertThat(denied.reason()).isEqualTo(Reason.ALREADY_ENTERED);
        assertThat(denied.rule()).contains("online");
        assertThat(asked).hasSize(2);
        assertThat(g.pendingEvents(10)).extracting(p -> p.event().eventId()).contains(denied.eventId());
        // not online preferred, or already denied offline: nobody is asked
        assertThat(enter(g, f.issue(f.claims().build())).admitted()).isTrue();
        assertThat(enter(
                                g,
                                f.issue(f.claims()
                                        .productId("VIP-3")
                                        .validUntil(T0.minusSeconds(3600))
                                        .validFrom(T0.minusSeconds(7200))
                                        .build()))
                        .reason())
                .isEqualTo(Reason.EXPIRED);
        assertThat(asked).hasSize(2);
        g.close();
    }

    @Test
    void overuseNoticesArePersistedAndReportedOnce() {
        Gate g = f.gate(dir);
        List<OveruseNotice> heard = new ArrayList<>();
        g.addOveruseListener(heard::add);
        assertThat(g.recordOveruse("ev-1", "P1", "admitted at gate g2 at 10:03"))
                .isTrue();
        assertThat(g.recordOveruse("ev-1", "P1", "again")).isFalse();
        assertThat(heard).extracting(OveruseNotice::eventId).containsExactly("ev-1");
        assertThat(heard.get(0).reportedAt()).isEqualTo(T0);
        g.close();
        Gate again = f.gate(dir);
        assertThat(again.state().overuseNotices())
                .extracting(OveruseNotice::passId)
                .containsExactly("P1");
        again.close();
    }

    @Test
    void decisionsUseTheCorrectedClockAndJournalBothTimes() {
        Gate g = f.gate(dir);
        Pass p = f.issue(f.claims().validUntil(T0.plus(Duration.ofHours(1))).build());
        // the server says it is three hours later than the device thinks
        g.clock().observeServerTime(T0.plus(Duration.ofHours(3)), T0, T0);
        Decision d = enter(g, p);
        assertThat(d.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(d.deviceTime()).isEqualTo(T0);
        assertThat(d.correctedTime()).isEqualTo(T0.plus(Duration.ofHours(3)));
        EntryEvent e = g.pendingEvents(1).get(0).event();
        assertThat(e.deviceTime()).isEqualTo(T0);
        assertThat(e.correctedTime()).isEqualTo(T0.plus(Duration.ofHours(3)));
        g.close();
        Gate again = f.gate(dir);
        assertThat(again.clock().offset()).isEqualTo(Duration.ofHours(3));
        again.close();
    }

    @Test
    void clockJumpIsCorrectedSoDecisionsKeepTheRightTime() {
        Pass p = f.issue(f.claims().build());
        // the monotonic clock stands still: any wall-clock move is a jump
        Gate g = f.gateBuilder(dir).monotonic(() -> 1_000_000_000L).build();
        Instant before = g.clock().now();
        f.clock.set(T0.minus(Duration.ofDays(30))); // the RTC lost a month
        Decision d = enter(g, p);
        assertThat(g.clock().jumpCount()).isEqualTo(1);
        assertThat(d.deviceTime()).isEqualTo(T0.minus(Duration.ofDays(30)));
        assertThat(d.correctedTime()).isEqualTo(before);
        assertThat(d.reason()).isEqualTo(Reason.OK);
        g.close();
    }

    @Test
    void aFullJournalKeepsTheGateClosed() {
        Gate g = f.gateBuilder(dir)
                .journalBudgetBytes(8192)
                .journalSegmentBytes(4096)
                .fsyncPolicy(FsyncPolicy.ALWAYS)
                .build();
        Decision last = null;
        for (int i = 0; i < 100; i++) {
            last = enter(
                    g,
                    f.issue(f.claims()
                            .entriesAllowed(0)
                            .reentry(ReentryPolicy.UNLIMITED)
                            .build()));
            if (!last.admitted()) {
                break;
            }
        }
        assertThat(last.admitted()).isFalse();
        assertThat(last.reason()).isEqualTo(Reason.JOURNAL_UNAVAILABLE);
        assertThat(last.journalId()).isEqualTo(-1);
        g.close();
    }
}
