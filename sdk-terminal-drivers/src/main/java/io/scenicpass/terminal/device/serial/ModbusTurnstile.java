package io.scenicpass.terminal.device.serial;

import io.scenicpass.terminal.device.AbstractDevice;
import io.scenicpass.terminal.device.Alarm;
import io.scenicpass.terminal.device.AlarmType;
import io.scenicpass.terminal.device.Passage;
import io.scenicpass.terminal.device.Turnstile;
import io.scenicpass.terminal.device.TurnstileListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A turnstile behind a Modbus RTU relay/IO board: the open signal is a pulse on a coil (one pulse per
 * released passage, as tripod turnstiles and most barrier controllers expect), the passage sensor is a
 * discrete input (a rising edge is one person), and an optional discrete input signals tamper.
 * A passage without a pending release is reported as unauthorised with a {@link AlarmType#TAILGATING}
 * alarm when it follows an authorised passage within the tailgating window, otherwise
 * {@link AlarmType#FORCED_ENTRY}. Bus errors are device faults; the poll thread keeps going.
 */
public final class ModbusTurnstile extends AbstractDevice implements Turnstile {
    private final ModbusRtuBus bus;
    private final int unit;
    private final int openCoil;
    private final int passageInput;
    private final int tamperInput;
    private final Duration pulseWidth;
    private final Duration pollInterval;
    private final Duration tailgateWindow;
    private final Object lock = new Object();
    private volatile TurnstileListener listener;
    private int pending;
    private long pulseOffAtNanos;
    private boolean coilOn;
    private Boolean lastPassageInput;
    private boolean lastTamper;
    private Instant lastAuthorisedAt;

    private ModbusTurnstile(Builder b) {
        super(b.deviceId, b.clock, "sp-turnstile-" + b.deviceId, Duration.ofSeconds(5));
        this.bus = b.bus;
        this.unit = b.unit;
        this.openCoil = b.openCoil;
        this.passageInput = b.passageInput;
        this.tamperInput = b.tamperInput;
        this.pulseWidth = b.pulseWidth;
        this.pollInterval = b.pollInterval;
        this.tailgateWindow = b.tailgateWindow;
    }

    /** A builder for a turnstile at Modbus address {@code unit} on {@code bus}. */
    public static Builder builder(String deviceId, ModbusRtuBus bus, int unit) {
        return new Builder(deviceId, bus, unit);
    }

    @Override
    public void setTurnstileListener(TurnstileListener listener) {
        this.listener = listener;
    }

    @Override
    public boolean open(int passages) {
        if (passages < 1) {
            throw new IllegalArgumentException("passages must be at least 1");
        }
        synchronized (lock) {
            boolean idle = pending == 0;
            pending += passages;
            if (idle && !coilOn && !pulse()) {
                pending -= passages; // not released: nobody may pass on it
                return false;
            }
            return true;
        }
    }

    @Override
    public void lock() {
        synchronized (lock) {
            pending = 0;
            if (coilOn) {
                setCoil(false);
            }
        }
    }

    @Override
    public int pendingPassages() {
        synchronized (lock) {
            return pending;
        }
    }

    /** One round: end an expired release pulse, read the inputs, wait the poll interval. */
    @Override
    protected void workOnce() {
        synchronized (lock) {
            if (coilOn && System.nanoTime() - pulseOffAtNanos >= 0) {
                setCoil(false);
            }
        }
        poll();
        pauseFor(pollInterval);
    }

    private void poll() {
        int first = tamperInput >= 0 ? Math.min(passageInput, tamperInput) : passageInput;
        int last = tamperInput >= 0 ? Math.max(passageInput, tamperInput) : passageInput;
        boolean[] in;
        try {
            in = bus.readDiscreteInputs(unit, first, last - first + 1);
        } catch (ModbusException e) {
            reportFault(e.code(), e.getMessage(), e.connected());
            return;
        }
        reportOk();
        boolean passage = in[passageInput - first];
        if (lastPassageInput != null && passage && !lastPassageInput) {
            onPassage();
        }
        lastPassageInput = passage;
        if (tamperInput >= 0) {
            boolean tamper = in[tamperInput - first];
            if (tamper && !lastTamper) {
                alarm(AlarmType.TAMPER, "tamper input active");
            }
            lastTamper = tamper;
        }
    }

    private void onPassage() {
        Instant now = clock.instant();
        boolean authorised;
        boolean tailgating = false;
        synchronized (lock) {
            authorised = pending > 0;
            if (authorised) {
                pending--;
                lastAuthorisedAt = now;
                if (pending > 0) {
                    pulse();
                } else if (coilOn) {
                    setCoil(false);
                }
            } else {
                tailgating = lastAuthorisedAt != null
                        && Duration.between(lastAuthorisedAt, now).compareTo(tailgateWindow) <= 0;
            }
        }
        Passage p = new Passage(deviceId(), now, authorised);
        TurnstileListener l = listener;
        if (l != null) {
            safely(() -> l.onPassage(p));
        }
        if (!authorised) {
            alarm(tailgating ? AlarmType.TAILGATING : AlarmType.FORCED_ENTRY, "passage without release");
        }
    }

    private void alarm(AlarmType type, String detail) {
        Alarm a = new Alarm(deviceId(), type, clock.instant(), detail);
        TurnstileListener l = listener;
        if (l != null) {
            safely(() -> l.onAlarm(a));
        }
    }

    /** Caller holds the lock. */
    private boolean pulse() {
        if (setCoil(true)) {
            pulseOffAtNanos = System.nanoTime() + pulseWidth.toNanos();
            return true;
        }
        return false;
    }

    /** Caller holds the lock. */
    private boolean setCoil(boolean on) {
        try {
            bus.writeCoil(unit, openCoil, on);
            coilOn = on;
            reportOk();
            return true;
        } catch (ModbusException e) {
            reportFault(e.code(), e.getMessage(), e.connected());
            return false;
        }
    }

    /** Builder for {@link ModbusTurnstile}. */
    public static final class Builder {
        private final String deviceId;
        private final ModbusRtuBus bus;
        private final int unit;
        private Clock clock = Clock.systemUTC();
        private int openCoil;
        private int passageInput;
        private int tamperInput = -1;
        private Duration pulseWidth = Duration.ofMillis(300);
        private Duration pollInterval = Duration.ofMillis(50);
        private Duration tailgateWindow = Duration.ofSeconds(2);

        private Builder(String deviceId, ModbusRtuBus bus, int unit) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
            this.bus = Objects.requireNonNull(bus, "bus");
            this.unit = unit;
        }

        /** Clock for event timestamps and the tailgating window. */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** Coil that opens the turnstile (default 0). */
        public Builder openCoil(int v) {
            this.openCoil = v;
            return this;
        }

        /** Discrete input of the passage sensor (default 0). */
        public Builder passageInput(int v) {
            this.passageInput = v;
            return this;
        }

        /** Discrete input of a tamper switch; negative for none (default). */
        public Builder tamperInput(int v) {
            this.tamperInput = v;
            return this;
        }

        /** How long the open coil stays on (default 300 ms). */
        public Builder pulseWidth(Duration v) {
            this.pulseWidth = Objects.requireNonNull(v);
            return this;
        }

        /** How often the inputs are polled (default 50 ms). */
        public Builder pollInterval(Duration v) {
            this.pollInterval = Objects.requireNonNull(v);
            return this;
        }

        /** An unauthorised passage this soon after an authorised one is tailgating (default 2 s). */
        public Builder tailgateWindow(Duration v) {
            this.tailgateWindow = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the (not yet started) turnstile. */
        public ModbusTurnstile build() {
            return new ModbusTurnstile(this);
        }
    }
}
