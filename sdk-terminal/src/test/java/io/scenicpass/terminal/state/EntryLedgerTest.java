package io.scenicpass.terminal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.terminal.sync.SyncTestSupport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ledger is the union of events: an event counts once however often (and from wherever) it arrives. */
class EntryLedgerTest {
    private static final Instant T = Instant.parse("2026-07-01T02:00:00Z");

    private static EntryEvent admit(String eventId, String passId) {
        return SyncTestSupport.entry(passId).toBuilder().eventId(eventId).build();
    }

    @Test
    void anEventAppliedTwiceCountsOnce() {
        EntryLedger ledger = new EntryLedger();
        assertThat(ledger.apply(1, admit("e1", "P1"))).isTrue();
        assertThat(ledger.apply(2, admit("e1", "P1"))).isFalse();
        assertThat(ledger.apply(3, admit("e2", "P1"))).isTrue();
        assertThat(ledger.usage("P1").entries()).isEqualTo(2);
    }

    @Test
    void theCountedEventsSurviveACheckpoint() throws Exception {
        EntryLedger ledger = new EntryLedger();
        ledger.apply(1, admit("e1", "P1"));
        EntryLedger reloaded = new EntryLedger();
        reloaded.load(ledger.toJson());
        assertThat(reloaded.knows(admit("e1", "P1"))).isTrue();
        // the same event relayed again by a peer, journaled under a later record id, still counts once
        assertThat(reloaded.apply(7, admit("e1", "P1"))).isFalse();
        assertThat(reloaded.usage("P1").entries()).isEqualTo(1);
    }

    @Test
    void prunedPassesForgetTheirEvents() {
        EntryLedger ledger = new EntryLedger();
        ledger.apply(1, admit("e1", "P1"));
        ledger.retainUntil("P1", T);
        assertThat(ledger.prune(T.plusSeconds(1))).isEqualTo(1);
        assertThat(ledger.knows(admit("e1", "P1"))).isFalse();
    }
}
