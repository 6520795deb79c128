package io.scenicpass.terminal.device;

import java.util.Optional;

/** A people counter (light barrier, camera). Polled by the lane. */
public interface PeopleCounter extends Device {
    /** Reads the cumulative counts; empty when unreadable (see {@link #health()}). Never throws. */
    Optional<PeopleCount> read();
}
