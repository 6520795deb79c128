package io.scenicpass.terminal.device;

/** Receives turnstile events. Called on the driver's thread; return quickly. */
public interface TurnstileListener {
    /** A person passed. */
    void onPassage(Passage passage);

    /** An alarm (forced entry, tailgating...). Default: ignored. */
    default void onAlarm(Alarm alarm) {}
}
