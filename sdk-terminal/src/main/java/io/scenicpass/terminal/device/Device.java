package io.scenicpass.terminal.device;

/**
 * Common contract of every gate device. Rules for implementers (vendors writing a driver):
 * <ul>
 *   <li>{@link #start()} returns quickly; connecting happens in the background. A device that cannot be
 *       reached is reported through {@link #health()}, never by an exception.</li>
 *   <li>No method throws for hardware problems (garbage, bad checksums, timeouts, unplugging): record a
 *       {@link DeviceFault}, keep going, and recover by itself when the hardware comes back.</li>
 *   <li>Listener callbacks happen on the driver's thread; a listener that throws is logged and ignored.</li>
 * </ul>
 */
public interface Device extends AutoCloseable {
    /** Stable identifier of this device within the terminal (e.g. {@code lane1-qr}). */
    String deviceId();

    /** Current health snapshot. */
    DeviceHealth health();

    /** Registers the listener for health changes (replaces the previous one; null removes it). */
    void setHealthListener(DeviceHealthListener listener);

    /** Starts the device (idempotent). */
    void start();

    /** Stops the device and releases its port; idempotent, never throws. */
    @Override
    void close();
}
