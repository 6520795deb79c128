package io.scenicpass.terminal.time;

/**
 * A clock that only moves forward at a steady rate (like {@link System#nanoTime()}), used to notice when
 * the wall clock jumps. Injected so tests can simulate a jump.
 */
@FunctionalInterface
public interface MonotonicSource {
    /** @return nanoseconds from an arbitrary fixed origin */
    long nanoTime();

    /** @return the system's monotonic clock */
    static MonotonicSource system() {
        return System::nanoTime;
    }
}
