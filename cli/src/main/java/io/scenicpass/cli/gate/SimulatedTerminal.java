package io.scenicpass.cli.gate;

import io.scenicpass.core.Direction;
import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateBuilder;
import io.scenicpass.terminal.device.Alarm;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.sim.SimulatedDisplay;
import io.scenicpass.terminal.device.sim.SimulatedLane;
import io.scenicpass.terminal.lane.DisplayPushes;
import io.scenicpass.terminal.lane.LaneListener;
import io.scenicpass.terminal.lane.LaneScheduler;
import io.scenicpass.terminal.state.GateStateView;
import io.scenicpass.terminal.state.OveruseNotice;
import io.scenicpass.terminal.sync.Connectivity;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncClient;
import io.scenicpass.terminal.sync.SyncListener;
import io.scenicpass.terminal.sync.SyncReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * A complete gate terminal with simulated devices: enrollment (once, kept in {@code device.json}), the
 * {@link Gate} engine with its journal and state, the {@link SyncClient} behind a {@link NetworkSwitch}, and two
 * {@link SimulatedLane}s (entry and exit). Visitors walk through the turnstile at once after an admission.
 */
public final class SimulatedTerminal implements AutoCloseable {
    /** The HTTP timeout of one online claim; the gate stops waiting after the config's (shorter) budget. */
    private static final Duration ONLINE_CHECK = Duration.ofSeconds(2);

    /** What happened to one presented credential. */
    public static final class Outcome {
        /** "in" or "out". */
        public final String lane;
        /** The decision, or null when the lane did not decide (busy, unreadable...). */
        public Decision decision;
        /** Why nothing was decided (LANE_BUSY, AWAITING_PASS, UNREADABLE:..., NO_MATCH...), or null. */
        public String notDecided;
        /** What the display shows afterwards. */
        public SimulatedDisplay.Shown display;
        /** People who walked through the turnstile after an admission. */
        public int walkedThrough;

        Outcome(String lane) {
            this.lane = lane;
        }
    }

    /** Asynchronous happenings: connectivity changes, over-use reports, passage timeouts, alarms. */
    public interface EventSink {
        /**
         * @param type event type
         * @param fields its fields
         */
        void event(String type, Map<String, Object> fields);
    }

    private final DeviceCredentials credentials;
    private final boolean enrolledNow;
    private final Gate gate;
    private final SyncClient sync;
    private final NetworkSwitch network = new NetworkSwitch();
    private final ScheduledExecutorService timers;
    private final SimulatedLane in;
    private final SimulatedLane out;
    private final boolean clockCorrected;
    private volatile Outcome current;
    private volatile boolean closing;

    /**
     * Enrolls when needed, opens the gate state and journal, starts the lanes (not yet the sync).
     *
     * @param dataDir where credentials, journal and state live
     * @param serverUrl server base URL (null: the enrolled one)
     * @param enrollment enrollment token or code (needed only for the first run)
     * @param clock a simulated device clock never corrected by the server, or null for the system clock
     * @param pullInterval time between background sync cycles
     * @param extra extra OkHttp interceptors (tests record acknowledgements with one)
     * @param events where asynchronous events go
     */
    public SimulatedTerminal(
            Path dataDir,
            String serverUrl,
            String enrollment,
            Clock clock,
            Duration pullInterval,
            List<Interceptor> extra,
            EventSink sink) {
        EventSink events = (type, fields) -> {
            if (!closing) {
                sink.event(type, fields);
            }
        };
        OkHttpClient.Builder hb = new OkHttpClient.Builder()
                .addInterceptor(network)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(15))
                .writeTimeout(Duration.ofSeconds(15));
        extra.forEach(hb::addInterceptor);
        OkHttpClient http = hb.build();
        network.attach(http);
        Enrollment enrolled = Enrollment.open(dataDir, serverUrl, enrollment, http, "simulated gate");
        credentials = enrolled.credentials;
        enrolledNow = enrolled.now;
        clockCorrected = clock == null;
        GateBuilder gb = Gate.builder()
                .stateDirectory(dataDir.resolve("gate"))
                .rootPublicKey(credentials.rootPublicKey())
                .deviceId(credentials.deviceId())
                .gateId(credentials.gateId() == null ? "gate" : credentials.gateId());
        if (clock != null) {
            gb.clock(clock).correctClock(false);
        }
        // passes marked "online preferred" are claimed at the server first (within the config's budget)
        AtomicReference<SyncClient> online = new AtomicReference<>();
        gb.onlineCheck(
                req -> online.get() == null ? Optional.empty() : online.get().onlineCheck(req, ONLINE_CHECK));
        gate = gb.build();
        DisplayPushes displays = new DisplayPushes(credentials.gateId());
        sync = SyncClient.builder(credentials)
                .gate(gate)
                .httpClient(http)
                .pullInterval(pullInterval)
                .offlineDetection(1, Duration.ofSeconds(15))
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .conflictFile(dataDir.resolve("overuse-conflicts.jsonl"))
                .listener(new SyncListener() {
                    @Override
                    public void connectivityChanged(Connectivity previous, Connectivity now) {
                        events.event("connectivity", map("from", previous.name(), "to", now.name()));
                    }

                    @Override
                    public void overuseConflict(OveruseNotice c) {
                        events.event(
                                "overuse", map("eventId", c.eventId(), "passId", c.passId(), "message", c.message()));
                    }

                    @Override
                    public void entryRejected(String eventId, String message) {
                        events.event("entryRejected", map("eventId", eventId, "message", message));
                    }

                    @Override
                    public void displayPush(PushMessage m) {
                        displays.apply(m).ifPresent(d -> events.event("display", map("push", d.toString())));
                    }

                    @Override
                    public void unauthorized() {
                        events.event(
                                "unauthorized", map("message", "the server refused the device token; enroll again"));
                    }
                })
                .build();
        online.set(sync);
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-lane-timers");
            t.setDaemon(true);
            return t;
        });
        Clock deviceClock = gate.clock().asClock();
        in = lane("in", Direction.IN, deviceClock, events);
        out = lane("out", Direction.OUT, deviceClock, events);
        displays.lane(in.lane()).lane(out.lane());
        in.start();
        out.start();
    }

    private SimulatedLane lane(String name, Direction direction, Clock deviceClock, EventSink events) {
        LaneListener listener = new LaneListener() {
            @Override
            public void onDecision(ScannedCredential credential, Decision decision) {
                Outcome o = current;
                if (o != null) {
                    o.decision = decision;
                }
                sync.entriesAvailable();
            }

            @Override
            public void onIgnored(ScannedCredential credential, String reason) {
                Outcome o = current;
                if (o != null) {
                    o.notDecided = reason;
                }
            }

            @Override
            public void onUnreadable(String readerId, CredentialKind kind, String reason) {
                Outcome o = current;
                if (o != null) {
                    o.notDecided = "UNREADABLE:" + reason;
                }
            }

            @Override
            public void onPassageTimeout(Decision admission, int passed, int expected, boolean restored) {
                events.event(
                        "passageTimeout",
                        map(
                                "lane",
                                name,
                                "eventId",
                                admission.eventId(),
                                "passed",
                                passed,
                                "expected",
                                expected,
                                "restored",
                                restored));
                sync.entriesAvailable();
            }

            @Override
            public void onAlarm(Alarm alarm) {
                events.event("alarm", map("lane", name, "type", alarm.type().name(), "device", alarm.deviceId()));
            }
        };
        return SimulatedLane.builder("lane-" + name, gate, LaneScheduler.of(timers))
                .clock(deviceClock)
                .direction(direction)
                .terminalId(credentials.deviceId())
                .listener(listener)
                .telemetry(sync::submitTelemetry)
                .build();
    }

    /** Runs a first sync cycle on this thread, then starts background sync and the push stream. */
    public SyncReport start() {
        SyncReport first = sync.syncNow();
        sync.start();
        return first;
    }

    /**
     * Presents one credential at the entry or exit lane and lets the admitted visitors walk through.
     *
     * @param input {@code SP1…}, {@code HC1:…}, {@code nfc:…}, {@code id:…}, {@code passport:…[/birth date]},
     *              {@code hkmo:…/birth date}, {@code tw:…/birth date}, {@code mrz:L1|L2},
     *              {@code card:UID}, {@code face:SUBJECT}, {@code palm:SUBJECT}; anything else is QR text
     * @param exit true for the exit lane
     * @return what happened
     */
    public synchronized Outcome present(String input, boolean exit) {
        return run(exit, lane -> LaneInput.feed(lane, input.trim()));
    }

    /**
     * Staff at the attended entry lane confirm the age of the visitor the gate just asked them about
     * (STAFF_CHECK_REQUIRED: a concession without ID under the child policy ATTENDED).
     *
     * @return what happened; not decided (NOTHING_TO_CONFIRM) when no such visitor is waiting
     */
    public synchronized Outcome confirmByStaff() {
        return run(false, lane -> {
            if (lane.lane().confirmByStaff().isEmpty()) {
                current.notDecided = "NOTHING_TO_CONFIRM";
            }
        });
    }

    private Outcome run(boolean exit, java.util.function.Consumer<SimulatedLane> action) {
        SimulatedLane lane = exit ? out : in;
        Outcome o = new Outcome(exit ? "out" : "in");
        current = o;
        try {
            action.accept(lane);
        } catch (java.time.DateTimeException e) {
            o.notDecided = "UNREADABLE: a date of birth is written YYYY-MM-DD";
        } catch (IllegalArgumentException e) {
            o.notDecided = "UNREADABLE: " + e.getMessage();
        } finally {
            current = null;
        }
        o.display = lane.display().last(); // what the visitor saw, before walking through
        if (o.decision != null && o.decision.admitted()) {
            int party = Math.max(1, o.decision.partyCount());
            for (int i = 0; i < party && lane.lane().busy(); i++) {
                lane.turnstile().walkThrough();
                o.walkedThrough++;
            }
        }
        return o;
    }

    /** Cuts the network and waits for the sync client to notice (one failed request). */
    public SyncReport goOffline() {
        network.cut();
        return sync.syncNow();
    }

    /** Restores the network and runs a sync cycle (uploads what was decided offline). */
    public SyncReport goOnline() {
        network.restore();
        return sync.syncNow();
    }

    /** @return whether the network cable is cut */
    public boolean networkCut() {
        return network.isCut();
    }

    /** @return one sync cycle, run now */
    public SyncReport syncNow() {
        return sync.syncNow();
    }

    /** @return the status fields */
    public Map<String, Object> status() {
        GateStateView s = gate.state();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", network.isCut() ? "cut" : "up");
        m.put("connectivity", sync.connectivity().name());
        m.put("pushConnected", sync.pushConnected());
        m.put("pendingUploads", gate.journal().pendingCount());
        Optional<SyncReport> last = sync.lastReport();
        m.put("lastSync", last.map(r -> r.finishedAt().toString()).orElse(null));
        m.put("lastSyncOk", last.map(SyncReport::success).orElse(null));
        m.put(
                "lastSyncError",
                last.flatMap(SyncReport::failure)
                        .map(e -> e.code() + ": " + e.getMessage())
                        .orElse(null));
        m.put("gateTime", gate.clock().now().toString());
        m.put("clockCorrected", clockCorrected);
        m.put("clockOffsetMs", gate.clock().offset().toMillis());
        m.put("keySetSequence", s.keySetSequence());
        m.put("revocations", s.revocations().size());
        m.put("revocationSequence", s.revocationSequence());
        m.put("blacklisted", s.blacklist().size());
        m.put("manifestPasses", s.manifest().size());
        m.put("configVersion", s.configVersion());
        m.put("overuseReports", s.overuseNotices().size());
        m.put("onlineChecksAnswered", gate.onlineCheckStats().answered());
        m.put("onlineChecksFellBack", gate.onlineCheckStats().fellBack());
        m.put("deviceId", credentials.deviceId());
        m.put("gateId", s.config().map(c -> c.gateId()).orElse(credentials.gateId()));
        m.put("direction", s.config().map(c -> c.direction()).orElse(null));
        return m;
    }

    /** @return the over-use reports received, oldest first */
    public List<OveruseNotice> overuseNotices() {
        return new ArrayList<>(gate.state().overuseNotices());
    }

    /** @return the device credentials */
    public DeviceCredentials credentials() {
        return credentials;
    }

    /** @return true when this run enrolled the device (false: reused {@code device.json}) */
    public boolean enrolledNow() {
        return enrolledNow;
    }

    /** @return the gate engine */
    public Gate gate() {
        return gate;
    }

    /** @param hostPort where this gate listens for its peers; reported to the server (see {@link PeerLink}) */
    public void advertisePeerEndpoint(String hostPort) {
        sync.advertisePeerEndpoint(hostPort);
    }

    @Override
    public void close() {
        closing = true;
        sync.close();
        in.close();
        out.close();
        timers.shutdownNow();
        gate.close();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
