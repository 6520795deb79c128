package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.device.PeopleCount;
import io.scenicpass.terminal.device.PeopleCounter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A people counter counting what the test tells it. */
public final class SimulatedPeopleCounter extends SimulatedDevice implements PeopleCounter {
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();

    /** Creates the counter. */
    public SimulatedPeopleCounter(String deviceId, Clock clock) {
        super(deviceId, clock);
    }

    /** Counts people going in. */
    public void countIn(int n) {
        in.addAndGet(n);
    }

    /** Counts people going out. */
    public void countOut(int n) {
        out.addAndGet(n);
    }

    @Override
    public Optional<PeopleCount> read() {
        if (!started() || health().faulty()) {
            return Optional.empty();
        }
        return Optional.of(new PeopleCount(deviceId(), clock.instant(), in.get(), out.get()));
    }
}
