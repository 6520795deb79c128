package io.scenicpass.terminal.device.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * Serial port settings for a driver: port path (e.g. {@code /dev/ttyUSB0}, {@code COM3}), line settings,
 * read timeout and the delay between reconnection attempts.
 */
public final class SerialSettings {
    /** Parity setting. */
    public enum Parity {
        /** No parity bit. */
        NONE,
        /** Odd parity. */
        ODD,
        /** Even parity (common for Modbus RTU). */
        EVEN
    }

    private final String portPath;
    private final int baudRate;
    private final int dataBits;
    private final int stopBits;
    private final Parity parity;
    private final Duration readTimeout;
    private final Duration reconnectDelay;
    private final boolean echo;

    private SerialSettings(Builder b) {
        this.portPath = Objects.requireNonNull(b.portPath, "portPath");
        this.baudRate = b.baudRate;
        this.dataBits = b.dataBits;
        this.stopBits = b.stopBits;
        this.parity = b.parity;
        this.readTimeout = b.readTimeout;
        this.reconnectDelay = b.reconnectDelay;
        this.echo = b.echo;
    }

    /** Settings for a port with defaults 9600 8N1, 200 ms read timeout, 1 s reconnect delay. */
    public static Builder forPort(String portPath) {
        return new Builder(portPath);
    }

    /** Port path or name. */
    public String portPath() {
        return portPath;
    }

    /** Baud rate. */
    public int baudRate() {
        return baudRate;
    }

    /** Data bits (5-8). */
    public int dataBits() {
        return dataBits;
    }

    /** Stop bits (1 or 2). */
    public int stopBits() {
        return stopBits;
    }

    /** Parity. */
    public Parity parity() {
        return parity;
    }

    /** How long one read waits for data before the driver does housekeeping. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Delay between attempts to (re)open the port. */
    public Duration reconnectDelay() {
        return reconnectDelay;
    }

    /** True when the RS-485 adapter echoes what is sent (two-wire adapters without echo suppression). */
    public boolean echo() {
        return echo;
    }

    @Override
    public String toString() {
        return portPath + " " + baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
    }

    /** Builder for {@link SerialSettings}. */
    public static final class Builder {
        private final String portPath;
        private int baudRate = 9600;
        private int dataBits = 8;
        private int stopBits = 1;
        private Parity parity = Parity.NONE;
        private Duration readTimeout = Duration.ofMillis(200);
        private Duration reconnectDelay = Duration.ofSeconds(1);
        private boolean echo;

        private Builder(String portPath) {
            this.portPath = portPath;
        }

        /** Baud rate. */
        public Builder baudRate(int v) {
            this.baudRate = v;
            return this;
        }

        /** Data bits. */
        public Builder dataBits(int v) {
            this.dataBits = v;
            return this;
        }

        /** Stop bits. */
        public Builder stopBits(int v) {
            this.stopBits = v;
            return this;
        }

        /** Parity. */
        public Builder parity(Parity v) {
            this.parity = Objects.requireNonNull(v);
            return this;
        }

        /** Read timeout (positive). */
        public Builder readTimeout(Duration v) {
            this.readTimeout = positive(v);
            return this;
        }

        /** Reconnect delay (positive). */
        public Builder reconnectDelay(Duration v) {
            this.reconnectDelay = positive(v);
            return this;
        }

        /** The adapter echoes transmitted bytes; Modbus skips the echo before reading the answer. */
        public Builder echo(boolean v) {
            this.echo = v;
            return this;
        }

        /** Builds the settings. */
        public SerialSettings build() {
            return new SerialSettings(this);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("duration must be positive");
            }
            return d;
        }
    }
}
