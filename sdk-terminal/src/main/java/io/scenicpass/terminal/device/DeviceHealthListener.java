package io.scenicpass.terminal.device;

/** Receives health changes. Called from a driver thread; must return quickly and not throw. */
public interface DeviceHealthListener {
    /** The device's health changed (connected, faulty or a new fault). */
    void onHealthChanged(String deviceId, DeviceHealth health);
}
