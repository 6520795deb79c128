package io.scenicpass.server.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gathering window's policy: when a batch's leader waits, for how many holds and how long. */
class GatheringTest {
    static final long MAX = 1_000_000;
    final Gathering g = new Gathering(MAX, 64);

    @Test
    void aNewSlotDoesNotWait() {
        assertThat(g.target()).isEqualTo(1);
        assertThat(g.windowNanos()).isZero();
    }

    @Test
    void aLoneClientNeverWaits() {
        for (int i = 0; i < 5; i++) {
            g.batchDone(1, 0, 1_000_000L * i, 1_000_000L * i + 900_000);
            assertThat(g.target()).isEqualTo(1);
            assertThat(g.windowNanos()).isZero();
            assertThat(g.expectsCompany()).isFalse();
        }
    }

    @Test
    void holdsQueuedDuringABatchAreWaitedForNextTimeBoundedByTheMaximum() {
        g.batchDone(2, 2, 0, 600_000); // 2 held, 2 arrived meanwhile: 4 clients
        assertThat(g.target()).isEqualTo(4);
        assertThat(g.windowNanos()).isEqualTo(MAX);
        assertThat(g.expectsCompany()).isTrue();
    }

    @Test
    void theWaitIsNeverLongerThanTwiceWhatTheLastBatchTook() {
        // twice: a waiter carried by the next batch is woken by its answer, not by its timer in the middle of it
        g.batchDone(2, 2, 1_000, 81_000);
        assertThat(g.windowNanos()).isEqualTo(160_000);
    }

    @Test
    void fewerClientsAreExpectedOneCycleAfterSomeLeave() {
        g.batchDone(2, 2, 0, 500_000);
        g.batchDone(3, 0, 600_000, 1_000_000); // waited, only 3 came
        assertThat(g.target()).isEqualTo(3);
        g.batchDone(1, 0, 1_100_000, 1_400_000); // alone now
        assertThat(g.target()).isEqualTo(1);
        assertThat(g.windowNanos()).isZero();
    }

    @Test
    void theExpectationIsCappedAtTheLargestBatch() {
        g.batchDone(64, 40, 0, 3_000_000);
        assertThat(g.target()).isEqualTo(64);
    }

    @Test
    void aZeroMaximumTurnsGatheringOff() {
        Gathering off = new Gathering(0, 64);
        off.batchDone(4, 4, 0, 1_000_000);
        assertThat(off.target()).isEqualTo(1);
        assertThat(off.windowNanos()).isZero();
    }

    @Test
    void idleIsMeasuredFromTheLastBatchsEnd() {
        g.batchDone(2, 1, 0, 5_000);
        assertThat(g.idleSince(1_000_004_999L, 1_000_000_000L)).isFalse();
        assertThat(g.idleSince(1_000_005_001L, 1_000_000_000L)).isTrue();
    }
}
