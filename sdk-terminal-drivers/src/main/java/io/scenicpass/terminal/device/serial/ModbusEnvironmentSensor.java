package io.scenicpass.terminal.device.serial;

import io.scenicpass.terminal.device.AbstractDevice;
import io.scenicpass.terminal.device.EnvironmentReading;
import io.scenicpass.terminal.device.EnvironmentSensor;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A temperature/humidity sensor on Modbus RTU (optionally with gas and oxygen channels). Most RS-485
 * sensors expose humidity and temperature as 16-bit registers in tenths (temperature signed); the
 * register numbers, register type and scale are configurable. All channels are read with one request.
 */
public final class ModbusEnvironmentSensor extends AbstractDevice implements EnvironmentSensor {
    /** Which Modbus table the values live in. */
    public enum RegisterType {
        /** Holding registers (function 3), the common case. */
        HOLDING,
        /** Input registers (function 4). */
        INPUT
    }

    private final ModbusRtuBus bus;
    private final int unit;
    private final RegisterType type;
    private final int temperatureRegister;
    private final int humidityRegister;
    private final int gasRegister;
    private final int oxygenRegister;
    private final double scale;

    private ModbusEnvironmentSensor(Builder b) {
        super(b.deviceId, b.clock);
        this.bus = b.bus;
        this.unit = b.unit;
        this.type = b.type;
        this.temperatureRegister = b.temperatureRegister;
        this.humidityRegister = b.humidityRegister;
        this.gasRegister = b.gasRegister;
        this.oxygenRegister = b.oxygenRegister;
        this.scale = b.scale;
    }

    /** A builder for a sensor at Modbus address {@code unit} on {@code bus}. */
    public static Builder builder(String deviceId, ModbusRtuBus bus, int unit) {
        return new Builder(deviceId, bus, unit);
    }

    @Override
    public void start() {
        // polled: nothing to start; health becomes known with the first read
    }

    @Override
    public void close() {
        reportDisconnected();
    }

    @Override
    public Optional<EnvironmentReading> read() {
        int first = Math.min(temperatureRegister, humidityRegister);
        int last = Math.max(temperatureRegister, humidityRegister);
        if (gasRegister >= 0) {
            first = Math.min(first, gasRegister);
            last = Math.max(last, gasRegister);
        }
        if (oxygenRegister >= 0) {
            first = Math.min(first, oxygenRegister);
            last = Math.max(last, oxygenRegister);
        }
        int[] regs;
        try {
            regs = type == RegisterType.HOLDING
                    ? bus.readHoldingRegisters(unit, first, last - first + 1)
                    : bus.readInputRegisters(unit, first, last - first + 1);
        } catch (ModbusException e) {
            reportFault(e.code(), e.getMessage(), e.connected());
            return Optional.empty();
        }
        reportOk();
        double t = (short) regs[temperatureRegister - first] * scale;
        double h = regs[humidityRegister - first] * scale;
        Double gas = gasRegister >= 0 ? regs[gasRegister - first] * scale : null;
        Double o2 = oxygenRegister >= 0 ? regs[oxygenRegister - first] * scale : null;
        return Optional.of(new EnvironmentReading(
                deviceId(),
                clock.instant(),
                round(t),
                round(h),
                gas == null ? null : round(gas),
                o2 == null ? null : round(o2)));
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** Builder for {@link ModbusEnvironmentSensor}. */
    public static final class Builder {
        private final String deviceId;
        private final ModbusRtuBus bus;
        private final int unit;
        private Clock clock = Clock.systemUTC();
        private RegisterType type = RegisterType.HOLDING;
        private int humidityRegister = 0;
        private int temperatureRegister = 1;
        private int gasRegister = -1;
        private int oxygenRegister = -1;
        private double scale = 0.1;

        private Builder(String deviceId, ModbusRtuBus bus, int unit) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
            this.bus = Objects.requireNonNull(bus, "bus");
            this.unit = unit;
        }

        /** Clock for reading timestamps. */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** Register table (default holding). */
        public Builder registerType(RegisterType v) {
            this.type = Objects.requireNonNull(v);
            return this;
        }

        /** Humidity register (default 0). */
        public Builder humidityRegister(int v) {
            this.humidityRegister = v;
            return this;
        }

        /** Temperature register, signed (default 1). */
        public Builder temperatureRegister(int v) {
            this.temperatureRegister = v;
            return this;
        }

        /** Gas (ppm) register; negative for none (default). */
        public Builder gasRegister(int v) {
            this.gasRegister = v;
            return this;
        }

        /** Oxygen (% vol) register; negative for none (default). */
        public Builder oxygenRegister(int v) {
            this.oxygenRegister = v;
            return this;
        }

        /** Multiplier from raw register to unit (default 0.1). */
        public Builder scale(double v) {
            this.scale = v;
            return this;
        }

        /** Builds the sensor. */
        public ModbusEnvironmentSensor build() {
            return new ModbusEnvironmentSensor(this);
        }
    }
}
