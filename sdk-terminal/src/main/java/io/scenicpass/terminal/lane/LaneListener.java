package io.scenicpass.terminal.lane;

import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.device.Alarm;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.DeviceHealth;
import io.scenicpass.terminal.device.Passage;
import io.scenicpass.terminal.device.ScannedCredential;

/**
 * What happens on a lane, for the gate application (logs, operator screen, the simulated gate's output).
 * Called on device or scheduler threads while the lane holds its lock: return quickly, do not call back
 * into the lane. Every method has an empty default.
 */
public interface LaneListener {
    /** A credential was decided (the decision is already journaled). */
    default void onDecision(ScannedCredential credential, Decision decision) {}

    /**
     * A credential was not decided: {@code LANE_BUSY} (visitors still passing), {@code LANE_OUT_OF_SERVICE}
     * (turnstile disconnected) or {@code AWAITING_PASS} (a health certificate was taken; now the ticket).
     */
    default void onIgnored(ScannedCredential credential, String reason) {}

    /** A reader saw something it could not read. */
    default void onUnreadable(String readerId, CredentialKind kind, String reason) {}

    /** Someone passed the turnstile; {@code admission} is the decision it belongs to, or null. */
    default void onPassage(Passage passage, Decision admission) {}

    /**
     * The passage timeout expired. {@code passed} people of {@code expected} went through; when none did,
     * the entry was given back ({@code restored} true, journaled as NOT_PASSED).
     */
    default void onPassageTimeout(Decision admission, int passed, int expected, boolean restored) {}

    /** A device raised an alarm (forced entry, tailgating, environment...). */
    default void onAlarm(Alarm alarm) {}

    /** A device's health changed. */
    default void onDeviceHealth(String deviceId, DeviceHealth health) {}
}
