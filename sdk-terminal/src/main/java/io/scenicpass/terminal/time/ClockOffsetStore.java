package io.scenicpass.terminal.time;

import java.time.Duration;

/** Keeps the learned clock offset across restarts. The gate state store implements it. */
public interface ClockOffsetStore {
    /** @return the last saved offset (server minus device), zero when none was saved */
    Duration loadOffset();

    /** @param offset the offset to keep (server minus device) */
    void saveOffset(Duration offset);

    /** @return a store that keeps the offset in memory only */
    static ClockOffsetStore inMemory() {
        return new ClockOffsetStore() {
            private volatile Duration offset = Duration.ZERO;

            @Override
            public Duration loadOffset() {
                return offset;
            }

            @Override
            public void saveOffset(Duration value) {
                offset = value;
            }
        };
    }
}
