package io.scenicpass.terminal.device;

/** How a display message should be styled (colour, icon). */
public enum DisplayTone {
    /** Neutral information (welcome, instructions). */
    INFO,
    /** Admitted. */
    ADMIT,
    /** Denied. */
    DENY,
    /** Needs staff attention (alarm, device fault). */
    ALERT
}
