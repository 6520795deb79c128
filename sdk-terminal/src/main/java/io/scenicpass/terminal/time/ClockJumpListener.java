package io.scenicpass.terminal.time;

import java.time.Duration;

/** Told when the device's wall clock jumped (someone set it, or the RTC failed). */
@FunctionalInterface
public interface ClockJumpListener {
    /**
     * @param jump how far the wall clock moved beyond what the monotonic clock measured (negative = back)
     * @param newOffset the corrected offset applied so that corrected time stays continuous
     */
    void clockJumped(Duration jump, Duration newOffset);
}
