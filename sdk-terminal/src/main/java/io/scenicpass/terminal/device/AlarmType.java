package io.scenicpass.terminal.device;

/** Alarms a gate device can raise. */
public enum AlarmType {
    /** The barrier was pushed through without being released. */
    FORCED_ENTRY,
    /** More people passed than were released (someone followed closely). */
    TAILGATING,
    /** Something blocks the passage for too long. */
    OBSTRUCTION,
    /** The housing was opened or the device tampered with. */
    TAMPER,
    /** An environment reading is outside its safe range (e.g. gas too high, oxygen too low). */
    ENVIRONMENT
}
