package io.scenicpass.core;

/** Direction of passage through a gate. */
public enum Direction {
    /** Entering. */
    IN,
    /** Leaving. */
    OUT
}
