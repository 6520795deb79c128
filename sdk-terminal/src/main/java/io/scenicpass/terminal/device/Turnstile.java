package io.scenicpass.terminal.device;

/**
 * A gate actuator: turnstile, flap barrier, swing gate. The lane releases it for a number of passages;
 * the turnstile reports each passage and closes by itself when they are used (or when {@link #lock()} is
 * called). A passage with no release left is reported as unauthorised together with an alarm
 * ({@link AlarmType#TAILGATING} while the gate was open, {@link AlarmType#FORCED_ENTRY} otherwise).
 */
public interface Turnstile extends Device {
    /** Registers the listener (replaces the previous one; null removes it). */
    void setTurnstileListener(TurnstileListener listener);

    /**
     * Releases the gate for {@code passages} people (at least 1). Adds to any passages still pending.
     * Never throws: a failure to actuate is a device fault and the method returns false.
     *
     * @return true if the command reached the device
     */
    boolean open(int passages);

    /** Cancels passages still pending and locks the gate. */
    void lock();

    /** Passages released and not used yet. */
    int pendingPassages();
}
