package io.scenicpass.terminal.device.serial;

import io.scenicpass.terminal.device.AbstractDevice;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.internal.device.serial.SerialChannel;
import java.io.IOException;
import java.time.Clock;

/**
 * Base of the serial drivers: a daemon thread that opens the port, runs {@link #session(SerialChannel)}
 * while connected, and on any I/O failure reports a fault, closes the port and reopens it after the
 * reconnect delay — forever, until {@link #close()}. Nothing escapes to the application. Package-private:
 * the serial drivers' shared base, not API.
 */
abstract class SerialDeviceBase extends AbstractDevice {
    /** Port settings. */
    protected final SerialSettings settings;

    private final SerialChannel channel;
    private boolean openFailureReported;

    /** Creates the driver; call {@link #start()} to connect. */
    protected SerialDeviceBase(String deviceId, Clock clock, SerialSettings settings) {
        super(
                deviceId,
                clock,
                "sp-serial-" + deviceId,
                settings.readTimeout().multipliedBy(5).plusSeconds(2));
        this.settings = settings;
        this.channel = new SerialChannel(settings);
    }

    /**
     * Runs while the port is open: read, decode, answer. Return or throw {@link IOException} when the
     * connection is lost; check {@link #running()} regularly (reads time out after the read timeout).
     */
    protected abstract void session(SerialChannel channel) throws IOException;

    /** Called on the driver thread right after the port was (re)opened. */
    protected void onConnected() {}

    @Override
    public final void start() {
        super.start();
    }

    @Override
    public final void close() {
        super.close();
    }

    @Override
    protected final void onStopped() {
        channel.close();
    }

    /** One connection: open (or wait to retry), run the session until it ends, close, wait to reopen. */
    @Override
    protected final void workOnce() {
        try {
            channel.open();
        } catch (IOException e) {
            if (!openFailureReported) {
                reportFault(DeviceFaultCode.OPEN_FAILED, e.getMessage(), false);
                openFailureReported = true;
            }
            pauseFor(settings.reconnectDelay());
            return;
        }
        openFailureReported = false;
        reportOk();
        try {
            onConnected();
            session(channel);
        } catch (IOException e) {
            if (running()) {
                reportFault(DeviceFaultCode.DISCONNECTED, e.getMessage(), false);
            }
        } catch (RuntimeException e) {
            // a driver bug must not kill the thread: report, reconnect, carry on
            reportFault(DeviceFaultCode.DEVICE_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } finally {
            channel.close();
        }
        pauseFor(settings.reconnectDelay());
    }
}
