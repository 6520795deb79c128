package io.scenicpass.terminal.internal.device.serial;

import io.scenicpass.terminal.device.AbstractDevice;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.serial.SerialSettings;
import io.scenicpass.terminal.internal.device.DeviceWorker;
import java.io.IOException;
import java.time.Clock;

/**
 * Base of the serial drivers: a daemon thread that opens the port, runs {@link #session(SerialChannel)}
 * while connected, and on any I/O failure reports a fault, closes the port and reopens it after the
 * reconnect delay — forever, until {@link #close()}. Nothing escapes to the application.
 */
public abstract class SerialDeviceBase extends AbstractDevice {
    /** Port settings. */
    protected final SerialSettings settings;
    private final SerialChannel channel;
    private final DeviceWorker worker;

    /** Creates the driver; call {@link #start()} to connect. */
    protected SerialDeviceBase(String deviceId, Clock clock, SerialSettings settings) {
        super(deviceId, clock);
        this.settings = settings;
        this.channel = new SerialChannel(settings);
        this.worker = new DeviceWorker("sp-serial-" + deviceId, this::loop,
                settings.readTimeout().multipliedBy(5).plusSeconds(2));
    }

    /**
     * Runs while the port is open: read, decode, answer. Return or throw {@link IOException} when the
     * connection is lost; check {@link #running()} regularly (reads time out after the read timeout).
     */
    protected abstract void session(SerialChannel channel) throws IOException;

    /** Called on the driver thread right after the port was (re)opened. */
    protected void onConnected() {
    }

    /** True until {@link #close()}. */
    protected final boolean running() {
        return worker.running();
    }

    @Override
    public final void start() {
        worker.start();
    }

    @Override
    public final void close() {
        if (!worker.stop()) {
            return;
        }
        channel.close();
        reportDisconnected();
    }

    private void loop() {
        boolean openFailureReported = false;
        while (worker.running()) {
            try {
                channel.open();
            } catch (IOException e) {
                if (!openFailureReported) {
                    reportFault(DeviceFaultCode.OPEN_FAILED, e.getMessage(), false);
                    openFailureReported = true;
                }
                pause();
                continue;
            }
            openFailureReported = false;
            reportOk();
            try {
                onConnected();
                session(channel);
            } catch (IOException e) {
                if (worker.running()) {
                    reportFault(DeviceFaultCode.DISCONNECTED, e.getMessage(), false);
                }
            } catch (RuntimeException e) {
                // a driver bug must not kill the thread: report, reconnect, carry on
                reportFault(DeviceFaultCode.DEVICE_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        false);
            } finally {
                channel.close();
            }
            pause();
        }
    }

    /** Waits for {@code d} or until {@link #close()}, whichever comes first (driver thread only). */
    protected final void pauseFor(java.time.Duration d) {
        worker.pause(d);
    }

    private void pause() {
        worker.pause(settings.reconnectDelay());
    }
}
