package io.scenicpass.terminal.device;

/** Signals of a light/buzzer indicator. */
public enum IndicatorSignal {
    /** Ready for the next visitor (e.g. steady white or off). */
    IDLE,
    /** Admitted (green, one short beep). */
    ADMIT,
    /** Denied (red, two beeps). */
    DENY,
    /** Alarm (flashing red, continuous beep). */
    ALARM,
    /** Device fault; lane out of service (amber). */
    FAULT
}
