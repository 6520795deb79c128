package io.scenicpass.terminal.device.sim;

import io.scenicpass.core.Direction;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricReader;
import io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher;
import io.scenicpass.terminal.lane.Lane;
import io.scenicpass.terminal.lane.LaneBuilder;
import io.scenicpass.terminal.lane.LaneListener;
import io.scenicpass.terminal.lane.LaneScheduler;
import io.scenicpass.terminal.lane.TelemetrySink;
import java.time.Clock;
import java.util.Objects;

/**
 * A complete lane of simulated devices wired to a {@link Gate}: one credential reader (QR, NFC, ID cards,
 * passports — feed it with {@link #reader()}), face and palm readers over simulated matchers, a turnstile
 * ({@link #turnstile()}{@code .walkThrough()}), display, indicator, environment sensor and people counter.
 * For the simulated gate command, demos and end-to-end tests.
 *
 * <pre>{@code
 * SimulatedLane sim = SimulatedLane.builder("lane-1", gate, LaneScheduler.of(timers)).clock(clock).build();
 * sim.start();
 * sim.reader().scanQr(line);
 * System.out.println(sim.display().last());
 * }</pre>
 */
public final class SimulatedLane implements AutoCloseable {
    private final SimulatedCredentialReader reader;
    private final BiometricReader face;
    private final BiometricReader palm;
    private final SimulatedBiometricMatcher faceMatcher;
    private final SimulatedBiometricMatcher palmMatcher;
    private final SimulatedTurnstile turnstile;
    private final SimulatedDisplay display;
    private final SimulatedIndicator indicator;
    private final SimulatedEnvironmentSensor sensor;
    private final SimulatedPeopleCounter counter;
    private final Lane lane;

    private SimulatedLane(Builder b) {
        String id = b.laneId;
        reader = new SimulatedCredentialReader(id + "-reader", b.clock);
        faceMatcher = new SimulatedBiometricMatcher(BiometricModality.FACE);
        palmMatcher = new SimulatedBiometricMatcher(BiometricModality.PALM);
        face = new BiometricReader(id + "-face", b.clock, faceMatcher, b.biometricThreshold);
        palm = new BiometricReader(id + "-palm", b.clock, palmMatcher, b.biometricThreshold);
        turnstile = new SimulatedTurnstile(id + "-turnstile", b.clock);
        display = new SimulatedDisplay(id + "-display", b.clock);
        indicator = new SimulatedIndicator(id + "-indicator", b.clock);
        sensor = new SimulatedEnvironmentSensor(id + "-env", b.clock);
        counter = new SimulatedPeopleCounter(id + "-counter", b.clock);
        LaneBuilder lb = Lane.builder(id, b.gate)
                .direction(b.direction)
                .zone(b.zoneId)
                .clock(b.clock)
                .scheduler(b.scheduler)
                .reader(reader)
                .reader(face)
                .reader(palm)
                .turnstile(turnstile)
                .display(display)
                .indicator(indicator)
                .sensor(sensor)
                .peopleCounter(counter)
                .listener(b.listener)
                .telemetry(b.telemetry);
        if (b.terminalId != null) {
            lb.terminalId(b.terminalId);
        }
        if (b.passageTimeout != null) {
            lb.passageTimeout(b.passageTimeout);
        }
        lane = lb.build();
    }

    /** A builder for a simulated lane. */
    public static Builder builder(String laneId, Gate gate, LaneScheduler scheduler) {
        return new Builder(laneId, gate, scheduler);
    }

    /** Starts the lane and all devices. */
    public void start() {
        lane.start();
    }

    /** The lane controller. */
    public Lane lane() {
        return lane;
    }

    /** The credential reader to feed (QR, NFC, card UID, ID card, MRZ). */
    public SimulatedCredentialReader reader() {
        return reader;
    }

    /** The face reader; submit samples enrolled in {@link #faceMatcher()}. */
    public BiometricReader face() {
        return face;
    }

    /** The palm reader; submit samples enrolled in {@link #palmMatcher()}. */
    public BiometricReader palm() {
        return palm;
    }

    /** The simulated face matcher (enroll templates here). */
    public SimulatedBiometricMatcher faceMatcher() {
        return faceMatcher;
    }

    /** The simulated palm matcher. */
    public SimulatedBiometricMatcher palmMatcher() {
        return palmMatcher;
    }

    /** The turnstile; {@code walkThrough()} is one person passing. */
    public SimulatedTurnstile turnstile() {
        return turnstile;
    }

    /** The display (what the visitor sees). */
    public SimulatedDisplay display() {
        return display;
    }

    /** The indicator. */
    public SimulatedIndicator indicator() {
        return indicator;
    }

    /** The environment sensor. */
    public SimulatedEnvironmentSensor sensor() {
        return sensor;
    }

    /** The people counter. */
    public SimulatedPeopleCounter counter() {
        return counter;
    }

    @Override
    public void close() {
        lane.close();
    }

    /** Builder for {@link SimulatedLane}. */
    public static final class Builder {
        private final String laneId;
        private final Gate gate;
        private final LaneScheduler scheduler;
        private Clock clock = Clock.systemUTC();
        private Direction direction = Direction.IN;
        private String zoneId;
        private String terminalId;
        private LaneListener listener = new LaneListener() {};
        private TelemetrySink telemetry;
        private java.time.Duration passageTimeout;
        private double biometricThreshold = 0.9;

        private Builder(String laneId, Gate gate, LaneScheduler scheduler) {
            this.laneId = Objects.requireNonNull(laneId);
            this.gate = Objects.requireNonNull(gate);
            this.scheduler = Objects.requireNonNull(scheduler);
        }

        /** Clock of the devices (use the gate's clock). */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** Entry or exit lane. */
        public Builder direction(Direction v) {
            this.direction = Objects.requireNonNull(v);
            return this;
        }

        /** Zone; default the gate's first configured zone. */
        public Builder zone(String v) {
            this.zoneId = v;
            return this;
        }

        /** Device id for telemetry. */
        public Builder terminalId(String v) {
            this.terminalId = v;
            return this;
        }

        /** Lane events observer. */
        public Builder listener(LaneListener v) {
            this.listener = Objects.requireNonNull(v);
            return this;
        }

        /** Telemetry sink. */
        public Builder telemetry(TelemetrySink v) {
            this.telemetry = v;
            return this;
        }

        /** Passage timeout (default 10 s). */
        public Builder passageTimeout(java.time.Duration v) {
            this.passageTimeout = v;
            return this;
        }

        /** Biometric match threshold (default 0.9). */
        public Builder biometricThreshold(double v) {
            this.biometricThreshold = v;
            return this;
        }

        /** Builds the (not started) lane. */
        public SimulatedLane build() {
            return new SimulatedLane(this);
        }
    }
}
