package io.scenicpass.terminal.lane;

import io.scenicpass.core.Direction;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.device.CredentialReader;
import io.scenicpass.terminal.device.Display;
import io.scenicpass.terminal.device.EnvironmentSensor;
import io.scenicpass.terminal.device.Indicator;
import io.scenicpass.terminal.device.PeopleCounter;
import io.scenicpass.terminal.device.Turnstile;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builder for a {@link Lane}. Required: at least one reader, a turnstile and a scheduler.
 *
 * <pre>{@code
 * ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
 * Lane lane = Lane.builder("lane-1", gate).direction(Direction.IN).zone("main")
 *     .reader(qrScanner).reader(idCardReader).turnstile(turnstile).display(display)
 *     .sensor(envSensor).telemetry(syncClient::submitTelemetry)
 *     .scheduler(LaneScheduler.of(timers)).passageTimeout(Duration.ofSeconds(10)).build();
 * lane.start();
 * }</pre>
 */
public final class LaneBuilder {
    final String laneId;
    final Gate gate;
    final List<CredentialReader> readers = new ArrayList<>();
    final List<EnvironmentSensor> sensors = new ArrayList<>();
    final List<PeopleCounter> counters = new ArrayList<>();
    Turnstile turnstile;
    Display display;
    Indicator indicator;
    Direction direction = Direction.IN;
    String zoneId;
    String terminalId;
    Clock clock = Clock.systemUTC();
    LaneScheduler scheduler;
    TelemetrySink telemetry;
    LaneListener listener = new LaneListener() {};
    Duration passageTimeout = Duration.ofSeconds(10);
    Duration telemetryInterval = Duration.ofMinutes(1);
    Duration companionWindow = Duration.ofSeconds(30);
    double gasAlarmPpm = Double.MAX_VALUE;
    double oxygenAlarmPercent = 19.5;
    String idleZh = "请刷票、证件或刷脸";
    String idleEn = "Scan your ticket, ID or face";

    LaneBuilder(String laneId, Gate gate) {
        this.laneId = Objects.requireNonNull(laneId, "laneId");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.terminalId = laneId;
    }

    /** Adds a credential reader (several are allowed). */
    public LaneBuilder reader(CredentialReader r) {
        readers.add(Objects.requireNonNull(r));
        return this;
    }

    /** The turnstile (required). */
    public LaneBuilder turnstile(Turnstile t) {
        this.turnstile = Objects.requireNonNull(t);
        return this;
    }

    /** The visitor display (optional). */
    public LaneBuilder display(Display d) {
        this.display = d;
        return this;
    }

    /** The light/buzzer (optional). */
    public LaneBuilder indicator(Indicator i) {
        this.indicator = i;
        return this;
    }

    /** Adds an environment sensor polled for telemetry. */
    public LaneBuilder sensor(EnvironmentSensor s) {
        sensors.add(Objects.requireNonNull(s));
        return this;
    }

    /** Adds a people counter polled for telemetry. */
    public LaneBuilder peopleCounter(PeopleCounter c) {
        counters.add(Objects.requireNonNull(c));
        return this;
    }

    /** Entry ({@code IN}, default) or exit ({@code OUT}) lane. */
    public LaneBuilder direction(Direction d) {
        this.direction = Objects.requireNonNull(d);
        return this;
    }

    /** The zone this lane leads into or out of; default: the gate's first configured zone. */
    public LaneBuilder zone(String zoneId) {
        this.zoneId = zoneId;
        return this;
    }

    /** Device id used in telemetry readings (default: the lane id; use the enrolled device id). */
    public LaneBuilder terminalId(String id) {
        this.terminalId = Objects.requireNonNull(id);
        return this;
    }

    /** Clock for the companion window and telemetry timestamps (use the gate's corrected clock). */
    public LaneBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c);
        return this;
    }

    /** The timer source (required). */
    public LaneBuilder scheduler(LaneScheduler s) {
        this.scheduler = Objects.requireNonNull(s);
        return this;
    }

    /** Where telemetry goes (optional; e.g. {@code syncClient::submitTelemetry}). */
    public LaneBuilder telemetry(TelemetrySink sink) {
        this.telemetry = sink;
        return this;
    }

    /** Observer of lane events (optional). */
    public LaneBuilder listener(LaneListener l) {
        this.listener = Objects.requireNonNull(l);
        return this;
    }

    /** How long admitted visitors have to pass (default 10 s). */
    public LaneBuilder passageTimeout(Duration d) {
        this.passageTimeout = positive(d);
        return this;
    }

    /** How often sensors and counters are polled (default 1 min). */
    public LaneBuilder telemetryInterval(Duration d) {
        this.telemetryInterval = positive(d);
        return this;
    }

    /** How long a health certificate or a denied concession pass waits for its companion (default 30 s). */
    public LaneBuilder companionWindow(Duration d) {
        this.companionWindow = positive(d);
        return this;
    }

    /** Environment alarm limits: gas above {@code gasPpm} or oxygen below {@code oxygenPercent}. */
    public LaneBuilder environmentLimits(double gasPpm, double oxygenPercent) {
        this.gasAlarmPpm = gasPpm;
        this.oxygenAlarmPercent = oxygenPercent;
        return this;
    }

    /** The message shown while the lane waits for a visitor. */
    public LaneBuilder idleMessage(String zh, String en) {
        this.idleZh = Objects.requireNonNull(zh);
        this.idleEn = Objects.requireNonNull(en);
        return this;
    }

    /** Builds the lane (not started). */
    public Lane build() {
        if (readers.isEmpty()) {
            throw new IllegalStateException("a lane needs at least one reader");
        }
        if (turnstile == null) {
            throw new IllegalStateException("a lane needs a turnstile");
        }
        if (scheduler == null) {
            throw new IllegalStateException("a lane needs a scheduler");
        }
        return new Lane(this);
    }

    private static Duration positive(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        return d;
    }
}
