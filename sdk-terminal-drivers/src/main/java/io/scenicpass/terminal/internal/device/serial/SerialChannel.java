package io.scenicpass.terminal.internal.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.scenicpass.terminal.device.serial.SerialSettings;
import java.io.IOException;

/** A jSerialComm port with timeouts; I/O errors surface as {@link IOException}. Not thread-safe. */
public final class SerialChannel {
    private final SerialSettings settings;
    private SerialPort port;

    /** Creates a closed channel. */
    public SerialChannel(SerialSettings settings) {
        this.settings = settings;
    }

    /** Opens the port (resolving the path afresh, so a re-created device node or link is found). */
    public void open() throws IOException {
        close();
        SerialPort p;
        try {
            p = SerialPort.getCommPort(settings.portPath());
        } catch (RuntimeException e) {
            throw new IOException("no such port " + settings.portPath(), e);
        }
        p.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(), parity());
        p.setComPortTimeouts(
                SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                (int) Math.max(1, settings.readTimeout().toMillis()),
                1000);
        if (!p.openPort(0)) {
            throw new IOException("cannot open " + settings.portPath() + " (error " + p.getLastErrorCode() + ")");
        }
        port = p;
    }

    /** The underlying jSerialComm port (for libraries that take one), or null when closed. */
    public SerialPort port() {
        return port;
    }

    /** True when open. */
    public boolean isOpen() {
        return port != null;
    }

    /**
     * Reads what is available, waiting up to the read timeout for the first byte.
     *
     * @return bytes read, 0 on timeout
     * @throws IOException when the port failed or was unplugged
     */
    public int read(byte[] buf) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException("port closed");
        }
        int n = p.readBytes(buf, buf.length);
        if (n < 0) {
            throw new IOException("read failed (error " + p.getLastErrorCode() + ")");
        }
        return n;
    }

    /** Writes all bytes. */
    public void write(byte[] data) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException("port closed");
        }
        int n = p.writeBytes(data, data.length);
        if (n != data.length) {
            throw new IOException(
                    "write failed (" + n + " of " + data.length + ", error " + p.getLastErrorCode() + ")");
        }
    }

    /** Discards unread input. */
    public void drainInput() throws IOException {
        byte[] buf = new byte[256];
        SerialPort p = port;
        for (int i = 0; i < 64 && p != null && p.bytesAvailable() > 0; i++) {
            if (p.readBytes(buf, buf.length) < 0) {
                throw new IOException("read failed");
            }
        }
    }

    /** Closes the port; idempotent. */
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    private int stopBits() {
        return settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private int parity() {
        switch (settings.parity()) {
            case ODD:
                return SerialPort.ODD_PARITY;
            case EVEN:
                return SerialPort.EVEN_PARITY;
            default:
                return SerialPort.NO_PARITY;
        }
    }
}
