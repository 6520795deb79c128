package io.scenicpass.terminal.lane;

import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.device.Alarm;
import io.scenicpass.terminal.device.AlarmType;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.CredentialReader;
import io.scenicpass.terminal.device.Device;
import io.scenicpass.terminal.device.DeviceHealth;
import io.scenicpass.terminal.device.DisplayTone;
import io.scenicpass.terminal.device.EnvironmentReading;
import io.scenicpass.terminal.device.EnvironmentSensor;
import io.scenicpass.terminal.device.IndicatorSignal;
import io.scenicpass.terminal.device.Passage;
import io.scenicpass.terminal.device.PeopleCounter;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.TurnstileListener;
import io.scenicpass.terminal.document.PresentedDocument;
import io.scenicpass.terminal.internal.device.lane.LaneSupport;
import io.scenicpass.terminal.rules.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller of one lane: readers → {@link Gate} → turnstile → display/indicator, with the journal
 * kept by the gate. Build with {@link #builder(String, Gate)}.
 * <ul>
 *   <li>One decision at a time: credentials arriving while admitted visitors are still passing are
 *       ignored ({@code LANE_BUSY}); so are credentials while the turnstile is disconnected.</li>
 *   <li>An admission releases the turnstile for the decision's party count (group passes let N people
 *       through). If nobody passes within the passage timeout, the gate is told
 *       ({@link Gate#notPassed(String)}): the entry is given back and journaled as NOT_PASSED. If part of a
 *       group passed, the entry stays used and the rest of the release is cancelled.</li>
 *   <li>A health certificate ({@code HC1:}) is held for the companion window and attached to the next
 *       pass; a pass denied with ID_CHECK_REQUIRED is decided again when the holder's ID card, passport or
 *       permit follows within that window; one denied with STAFF_CHECK_REQUIRED is decided again when staff
 *       confirm ({@link #confirmByStaff()}, child policy ATTENDED).</li>
 *   <li>Alarms go to the listener, display and indicator; sensor readings, people counts and device health
 *       go to the {@link TelemetrySink}.</li>
 * </ul>
 */
public final class Lane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lane.class);

    private final LaneBuilder cfg;
    private final Object lock = new Object();
    private Admission admission;
    private String heldHealthCert;
    private Instant heldHealthCertUntil;
    private HeldPass held;
    private LaneScheduler.Task telemetryTask;
    private final java.util.Map<String, String> lastHealth = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean started;

    Lane(LaneBuilder b) {
        this.cfg = b;
    }

    /** A builder for lane {@code laneId} deciding through {@code gate}. */
    public static LaneBuilder builder(String laneId, Gate gate) {
        return new LaneBuilder(laneId, gate);
    }

    /** Registers with every device, starts them and the telemetry timer. */
    public void start() {
        synchronized (lock) {
            if (started) {
                return;
            }
            started = true;
        }
        for (Device d : devices()) {
            d.setHealthListener(this::onHealth);
        }
        CredentialListener readerListener = new CredentialListener() {
            @Override
            public void onCredential(ScannedCredential credential) {
                Lane.this.onCredential(credential);
            }

            @Override
            public void onUnreadable(String readerId, CredentialKind kind, String reason) {
                Lane.this.onUnreadable(readerId, kind, reason);
            }
        };
        for (CredentialReader r : cfg.readers) {
            r.setCredentialListener(readerListener);
        }
        cfg.turnstile.setTurnstileListener(new TurnstileListener() {
            @Override
            public void onPassage(Passage passage) {
                Lane.this.onPassage(passage);
            }

            @Override
            public void onAlarm(Alarm alarm) {
                Lane.this.onAlarm(alarm);
            }
        });
        for (Device d : devices()) {
            d.start();
        }
        idle();
        scheduleTelemetry();
    }

    /** The lane id. */
    public String laneId() {
        return cfg.laneId;
    }

    /** True while admitted visitors are still expected at the turnstile. */
    public boolean busy() {
        synchronized (lock) {
            return admission != null;
        }
    }

    /** Shows the remaining capacity of the current slot (from the server's push), or hides it. */
    public void showRemainingCapacity(OptionalInt remaining) {
        if (cfg.display != null) {
            cfg.display.showRemainingCapacity(remaining);
        }
    }

    /** Shows an operator message until the next visitor. */
    public void showMessage(String zh, String en) {
        showMessage(zh, en, DisplayTone.INFO);
    }

    /** Shows a message in the given tone (an alert: {@link DisplayTone#ALERT}) until the next visitor. */
    public void showMessage(String zh, String en, DisplayTone tone) {
        if (cfg.display != null) {
            cfg.display.show(zh, en, tone);
        }
    }

    /** Reads every sensor and counter now and sends the readings to the telemetry sink. */
    public void pollTelemetry() {
        for (EnvironmentSensor s : cfg.sensors) {
            Optional<EnvironmentReading> r = s.read();
            if (!r.isPresent()) {
                continue;
            }
            LaneSupport.readings(cfg.terminalId, r.get()).forEach(this::submit);
            checkEnvironment(r.get());
        }
        for (PeopleCounter c : cfg.counters) {
            c.read()
                    .ifPresent(
                            count -> LaneSupport.readings(cfg.terminalId, count).forEach(this::submit));
        }
    }

    private void onCredential(ScannedCredential c) {
        synchronized (lock) {
            if (admission != null) {
                ignore(c, "LANE_BUSY", "请通行", "Please walk through");
                return;
            }
            DeviceHealth ts = cfg.turnstile.health();
            if (!ts.connected() && ts.faulty()) {
                ignore(c, "LANE_OUT_OF_SERVICE", "通道暂停服务", "Lane out of service");
                return;
            }
            Instant now = cfg.clock.instant();
            if (c.kind() == CredentialKind.QR && c.text().startsWith("HC1:")) {
                heldHealthCert = c.text();
                heldHealthCertUntil = now.plus(cfg.companionWindow);
                ignore(c, "AWAITING_PASS", "请出示门票", "Now show your ticket");
                return;
            }
            GateContext.Builder ctx = GateContext.builder().direction(cfg.direction);
            if (cfg.zoneId != null) {
                ctx.zoneId(cfg.zoneId);
            }
            if (heldHealthCert != null && now.isBefore(heldHealthCertUntil)) {
                ctx.healthCertificate(heldHealthCert);
            }
            Credential credential = LaneSupport.toEngine(c);
            Optional<PresentedDocument> document = credential.document();
            if (document.isPresent() && held != null && held.validAt(now)) {
                PresentedDocument doc = document.get();
                ctx.holderDocument(doc.type(), doc.number(), doc.birthDate().orElse(null));
                credential = held.pass;
            }
            decide(c, credential, ctx, now);
        }
    }

    /**
     * Staff at an attended lane confirm the age of the visitor whose concession pass was just refused with
     * STAFF_CHECK_REQUIRED (the product's child policy is ATTENDED); the pass is decided again and, if admitted,
     * journaled as STAFF_CONFIRMED.
     *
     * @return the new decision, empty when no such pass is waiting (none, or the companion window passed)
     */
    public Optional<Decision> confirmByStaff() {
        synchronized (lock) {
            Instant now = cfg.clock.instant();
            HeldPass h = held;
            if (h == null || !h.forStaff || admission != null || !h.validAt(now)) {
                return Optional.empty();
            }
            GateContext.Builder ctx =
                    GateContext.builder().direction(cfg.direction).staffConfirmed(true);
            if (cfg.zoneId != null) {
                ctx.zoneId(cfg.zoneId);
            }
            return Optional.of(decide(h.scan, h.pass, ctx, now));
        }
    }

    /** Caller holds the lock: decides, remembers what a companion may complete, shows and opens. */
    private Decision decide(ScannedCredential c, Credential credential, GateContext.Builder ctx, Instant now) {
        held = null;
        Decision d = cfg.gate.decide(credential, ctx.build());
        if (d.admitted() || !Reason.HEALTH_CERT_REQUIRED.equals(d.reason())) {
            heldHealthCert = null;
        }
        boolean forStaff = Reason.STAFF_CHECK_REQUIRED.equals(d.reason());
        if (credential.isPass() && (forStaff || Reason.ID_CHECK_REQUIRED.equals(d.reason()))) {
            held = new HeldPass(c, credential, now.plus(cfg.companionWindow), forStaff);
        }
        cfg.listener.onDecision(c, d);
        show(d.messageZh(), d.messageEn(), d.admitted() ? DisplayTone.ADMIT : DisplayTone.DENY);
        signal(d.admitted() ? IndicatorSignal.ADMIT : IndicatorSignal.DENY);
        if (d.admitted()) {
            admit(d);
        }
        return d;
    }

    /** Caller holds the lock. */
    private void admit(Decision d) {
        int party = Math.max(1, d.partyCount());
        if (!cfg.turnstile.open(party)) {
            LOG.warn("lane {}: turnstile did not open; giving the entry back", cfg.laneId);
            boolean restored = cfg.gate.notPassed(d.eventId());
            cfg.listener.onPassageTimeout(d, 0, party, restored);
            show("闸机故障，门票未使用", "Gate fault: your ticket was not used", DisplayTone.ALERT);
            signal(IndicatorSignal.FAULT);
            return;
        }
        Admission a = new Admission(d, party);
        admission = a;
        a.timeout = cfg.scheduler.schedule(cfg.passageTimeout, () -> onTimeout(a));
    }

    private void onPassage(Passage p) {
        synchronized (lock) {
            Admission a = admission;
            if (!p.authorised() || a == null) {
                cfg.listener.onPassage(p, null);
                return;
            }
            a.passed++;
            cfg.listener.onPassage(p, a.decision);
            if (a.passed >= a.expected) {
                a.timeout.cancel();
                admission = null;
                idle();
            }
        }
    }

    private void onTimeout(Admission a) {
        synchronized (lock) {
            if (admission != a) {
                return;
            }
            admission = null;
            cfg.turnstile.lock();
            boolean restored = false;
            if (a.passed == 0) {
                restored = cfg.gate.notPassed(a.decision.eventId());
                show("未通行，门票未使用", "Not passed: your ticket was not used", DisplayTone.INFO);
            }
            cfg.listener.onPassageTimeout(a.decision, a.passed, a.expected, restored);
            signal(IndicatorSignal.IDLE);
        }
    }

    private void onAlarm(Alarm alarm) {
        synchronized (lock) {
            cfg.listener.onAlarm(alarm);
            show("警报：请工作人员处理", "Alarm: staff are on their way", DisplayTone.ALERT);
            signal(IndicatorSignal.ALARM);
        }
    }

    private void onUnreadable(String readerId, CredentialKind kind, String reason) {
        synchronized (lock) {
            cfg.listener.onUnreadable(readerId, kind, reason);
            if (admission == null) {
                show("无法识别，请重试", "Cannot read, please try again", DisplayTone.DENY);
                signal(IndicatorSignal.DENY);
            }
        }
    }

    private void onHealth(String deviceId, DeviceHealth h) {
        cfg.listener.onDeviceHealth(deviceId, h);
        String state = h.connected() + "/" + h.faulty() + "/"
                + h.lastError().map(e -> e.code().name()).orElse("");
        if (!state.equals(lastHealth.put(deviceId, state))) {
            // only changes of state go upstream: a device timing out on every poll must not flood the queue
            submit(LaneSupport.health(cfg.terminalId, deviceId, h, cfg.clock.instant()));
        }
        if (deviceId.equals(cfg.turnstile.deviceId()) && !h.connected() && h.faulty()) {
            show("通道暂停服务", "Lane out of service", DisplayTone.ALERT);
            signal(IndicatorSignal.FAULT);
        }
    }

    private void checkEnvironment(EnvironmentReading r) {
        boolean gas = r.gasPpm().isPresent() && r.gasPpm().getAsDouble() > cfg.gasAlarmPpm;
        boolean o2 = r.oxygenPercent().isPresent() && r.oxygenPercent().getAsDouble() < cfg.oxygenAlarmPercent;
        if (gas || o2) {
            onAlarm(new Alarm(
                    r.deviceId(), AlarmType.ENVIRONMENT, r.at(), gas ? "gas above limit" : "oxygen below limit"));
        }
    }

    private void scheduleTelemetry() {
        if (cfg.sensors.isEmpty() && cfg.counters.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (!started) {
                return;
            }
            telemetryTask = cfg.scheduler.schedule(cfg.telemetryInterval, () -> {
                try {
                    pollTelemetry();
                } catch (RuntimeException e) {
                    LOG.error("lane {}: telemetry poll failed", cfg.laneId, e);
                }
                scheduleTelemetry();
            });
        }
    }

    private void submit(io.scenicpass.core.wire.TelemetryReading r) {
        if (cfg.telemetry != null) {
            try {
                cfg.telemetry.submit(r);
            } catch (RuntimeException e) {
                LOG.error("lane {}: telemetry sink failed", cfg.laneId, e);
            }
        }
    }

    private void ignore(ScannedCredential c, String reason, String zh, String en) {
        cfg.listener.onIgnored(c, reason);
        show(zh, en, DisplayTone.INFO);
    }

    private void idle() {
        show(cfg.idleZh, cfg.idleEn, DisplayTone.INFO);
        signal(IndicatorSignal.IDLE);
    }

    private void show(String zh, String en, DisplayTone tone) {
        if (cfg.display != null) {
            cfg.display.show(zh, en, tone);
        }
    }

    private void signal(IndicatorSignal s) {
        if (cfg.indicator != null) {
            cfg.indicator.signal(s);
        }
    }

    private List<Device> devices() {
        List<Device> all = new ArrayList<>(cfg.readers);
        all.add(cfg.turnstile);
        if (cfg.display != null) {
            all.add(cfg.display);
        }
        if (cfg.indicator != null) {
            all.add(cfg.indicator);
        }
        all.addAll(cfg.sensors);
        all.addAll(cfg.counters);
        return all;
    }

    /** Stops the timers and closes every device of the lane (not the gate). */
    @Override
    public void close() {
        synchronized (lock) {
            started = false;
            if (telemetryTask != null) {
                telemetryTask.cancel();
            }
            if (admission != null) {
                admission.timeout.cancel();
            }
        }
        for (Device d : devices()) {
            try {
                d.close();
            } catch (RuntimeException e) {
                LOG.warn("lane {}: closing {} failed", cfg.laneId, d.deviceId(), e);
            }
        }
    }

    /** An admission waiting for its passages. */
    private static final class Admission {
        final Decision decision;
        final int expected;
        int passed;
        LaneScheduler.Task timeout;

        Admission(Decision decision, int expected) {
            this.decision = decision;
            this.expected = expected;
        }
    }
}
