package io.scenicpass.terminal.device;

import java.util.OptionalInt;

/**
 * A visitor-facing display. Messages are bilingual (Chinese first, English second); the display decides
 * how to lay them out. Remaining capacity is shown for the current time slot when known.
 */
public interface Display extends Device {
    /** Shows a message; never throws. */
    void show(String zh, String en, DisplayTone tone);

    /** Shows the remaining capacity of the current slot; empty hides it. Never throws. */
    void showRemainingCapacity(OptionalInt remaining);
}
