package io.scenicpass.examples.gate;

import io.scenicpass.core.Direction;
import io.scenicpass.core.FaceSeal;
import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.OnlineCheckStats;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher;
import io.scenicpass.terminal.device.sim.SimulatedLane;
import io.scenicpass.terminal.lane.DisplayPushes;
import io.scenicpass.terminal.lane.LaneListener;
import io.scenicpass.terminal.lane.LaneScheduler;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import io.scenicpass.terminal.sync.SyncClient;
import io.scenicpass.terminal.sync.SyncListener;
import io.scenicpass.terminal.sync.SyncReport;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * How a gate maker embeds sdk-terminal, in one class: enroll once ({@link Provisioning}), open the {@link Gate}
 * (journal + local state), keep it in sync with the server ({@link SyncClient}), and wire devices to it through a
 * lane ({@link SimulatedLane} here; real readers and turnstile drivers plug into {@code Lane.builder} the same way).
 *
 * <p>The HTTP client carries a "network cable" interceptor, so the example (and the end-to-end test) can cut the
 * gate off the server and watch it keep admitting from its local state, then upload everything once it is back.
 */
public final class EmbeddedGate implements AutoCloseable {
    /** The HTTP timeout of one online claim; the gate itself stops waiting after the (shorter) latency budget. */
    private static final Duration ONLINE_CHECK_HTTP_TIMEOUT = Duration.ofSeconds(2);

    /** The face match threshold of the example lane (the simulated matcher's score: equal bits). */
    public static final double FACE_THRESHOLD = 0.9;

    private final Cable cable = new Cable();
    private final OkHttpClient http;
    private final DeviceCredentials credentials;
    private final Gate gate;
    private final SyncClient sync;
    private final ScheduledExecutorService timers;
    private final SimulatedLane lane;
    private final AtomicReference<Decision> lastDecision = new AtomicReference<>();
    private final DisplayPushes displays;

    /**
     * @param dataDir where the device credentials, journal and gate state are kept
     * @param serverUrl the ScenicPass server (base URL)
     * @param enrollmentCode a one-time enrollment token or code; ignored when {@code dataDir} is already enrolled
     * @param deviceClock the gate's clock: a simulated one is used as is (never corrected by the server time)
     * @param extra extra OkHttp interceptors (the end-to-end test records the server's acknowledgements)
     */
    public EmbeddedGate(
            Path dataDir, String serverUrl, String enrollmentCode, Clock deviceClock, List<Interceptor> extra) {
        OkHttpClient.Builder hb = new OkHttpClient.Builder()
                .addInterceptor(cable)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(15));
        extra.forEach(hb::addInterceptor);
        http = hb.build();
        // 1. enrollment: once; later runs find device.json and do not call the server
        credentials = new Provisioning(new CredentialStore(dataDir.resolve("device.json")))
                .httpClient(http)
                .serverUrl(serverUrl)
                .enroll(enrollmentCode, "example gate", "gate-terminal-example");
        // 2. the gate engine: decides from local state, journals every decision durably; passes marked "online
        // preferred" are claimed at the server first (within the device config's budget, else decided offline)
        AtomicReference<SyncClient> online = new AtomicReference<>();
        gate = Gate.builder()
                .stateDirectory(dataDir.resolve("gate"))
                .rootPublicKey(credentials.rootPublicKey())
                .deviceId(credentials.deviceId())
                .clock(deviceClock)
                .correctClock(false)
                // the lane's face camera (simulated here; a vendor's matcher in a real gate): templates come sealed
                // for this device in the manifest, faces captured at a first entry go to the server with the event
                .faceMatcher(
                        new SimulatedBiometricMatcher(BiometricModality.FACE),
                        FACE_THRESHOLD,
                        FaceSeal.ofDeviceToken(credentials.deviceToken()))
                .onlineCheck(req -> {
                    SyncClient s = online.get();
                    return s == null ? Optional.empty() : s.onlineCheck(req, ONLINE_CHECK_HTTP_TIMEOUT);
                })
                .build();
        displays = new DisplayPushes(credentials.gateId());
        // 3. the sync client: key set, revocations, manifest, config down; journaled entries up
        sync = SyncClient.builder(credentials)
                .gate(gate)
                .httpClient(http)
                .offlineDetection(1, Duration.ofSeconds(5))
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(10))
                .pullInterval(Duration.ofSeconds(10))
                .listener(new SyncListener() {
                    @Override
                    public void displayPush(PushMessage m) {
                        displays.apply(m); // capacity, operator messages and alerts on the lane's display
                    }
                })
                .build();
        online.set(sync);
        // 4. devices: one entry lane of simulated devices
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "example-lane");
            t.setDaemon(true);
            return t;
        });
        lane = SimulatedLane.builder("lane-1", gate, LaneScheduler.of(timers))
                .clock(gate.clock().asClock())
                .direction(Direction.IN)
                .terminalId(credentials.deviceId())
                .telemetry(sync::submitTelemetry)
                .listener(new LaneListener() {
                    @Override
                    public void onDecision(ScannedCredential credential, Decision decision) {
                        lastDecision.set(decision);
                        sync.entriesAvailable(); // upload soon; never blocks the lane
                    }
                })
                .build();
        displays.lane(lane.lane());
        lane.start();
    }

    /** @return the first sync cycle (run now), after which background sync runs on its own */
    public SyncReport start() {
        SyncReport first = sync.syncNow();
        sync.start();
        return first;
    }

    /**
     * A visitor scans a QR code at the lane and walks through when admitted.
     *
     * @param qrText the scanned text (a signed pass)
     * @return the gate's decision
     */
    public synchronized Decision scan(String qrText) {
        return present(() -> lane.reader().scanQr(qrText));
    }

    /**
     * A visitor swipes their resident ID card (alone: the gate finds their pass; or right after a QR the gate asked
     * an ID for: the two are checked together).
     *
     * @param idNumber the card's ID number
     * @return the gate's decision
     */
    public synchronized Decision swipeId(String idNumber) {
        return present(() -> lane.reader().present(CredentialKind.ID_CARD, idNumber));
    }

    /**
     * A visitor lays a passport or mainland travel permit on the MRZ reader.
     *
     * @param mrzLines the machine-readable zone
     * @return the gate's decision
     */
    public synchronized Decision showDocument(List<String> mrzLines) {
        return present(() -> lane.reader().presentMrz(mrzLines));
    }

    /**
     * A visitor looks into the lane's face camera, with no ticket (1:N among the enrolled holders of valid passes).
     *
     * @param face the live sample with the vendor's liveness verdict
     * @return the gate's decision
     */
    public synchronized Decision showFace(BiometricTemplate face) {
        return decideHere(
                Credential.face(face),
                GateContext.builder().direction(Direction.IN).build());
    }

    /**
     * A visitor scans a QR code and the lane captures the face with it: checked 1:1 against the pass's enrolled face,
     * or enrolled at this first entry of a re-entry pass.
     */
    public synchronized Decision scanWithFace(String qrText, BiometricTemplate face) {
        return decideHere(
                Credential.qr(qrText),
                GateContext.builder().direction(Direction.IN).faceSample(face).build());
    }

    /** A visitor leaves through this gate with a QR code (a gate configured BOTH). */
    public synchronized Decision exit(String qrText) {
        return decideHere(
                Credential.qr(qrText),
                GateContext.builder().direction(Direction.OUT).build());
    }

    /** The engine's decision for what the lane's reader does not carry (a face sample, an exit); upload soon. */
    private Decision decideHere(Credential credential, GateContext context) {
        Decision d = gate.decide(credential, context);
        lastDecision.set(d);
        sync.entriesAvailable();
        return d;
    }

    /** @return the decision after staff confirmed the age of a child the gate just asked staff about, if any */
    public synchronized Optional<Decision> confirmByStaff() {
        Optional<Decision> d = lane.lane().confirmByStaff();
        d.ifPresent(this::walkThrough);
        return d;
    }

    private Decision present(Runnable credential) {
        lastDecision.set(null);
        credential.run();
        Decision d = lastDecision.get();
        if (d == null) {
            throw new IllegalStateException("the lane did not decide (busy?)");
        }
        walkThrough(d);
        return d;
    }

    private void walkThrough(Decision d) {
        for (int i = 0;
                d.admitted() && i < Math.max(1, d.partyCount()) && lane.lane().busy();
                i++) {
            lane.turnstile().walkThrough();
        }
    }

    /** Cuts the gate's network and runs one (failing) sync cycle, so the gate knows it is offline. */
    public SyncReport cutNetwork() {
        cable.cut = true;
        http.dispatcher().cancelAll(); // drops the push stream like a pulled cable
        return sync.syncNow();
    }

    /** Restores the network and runs a sync cycle: what was decided offline goes up now. */
    public SyncReport restoreNetwork() {
        cable.cut = false;
        return sync.syncNow();
    }

    /** @return one sync cycle, run now */
    public SyncReport syncNow() {
        return sync.syncNow();
    }

    /** @return decisions journaled but not yet acknowledged by the server */
    public int pendingUploads() {
        return gate.journal().pendingCount();
    }

    /** @return what the gate holds locally (blacklist, manifest, configuration…), read-only */
    public io.scenicpass.terminal.state.GateStateView state() {
        return gate.state();
    }

    /** @return the sync client (connectivity, last report) */
    public SyncClient sync() {
        return sync;
    }

    /** @return what the online claim did: asked, answered in time, decided offline instead */
    public OnlineCheckStats onlineCheckStats() {
        return gate.onlineCheckStats();
    }

    /** @return the gate engine (for example to link it to the site's other gates with a {@code PeerNetwork}) */
    public Gate gate() {
        return gate;
    }

    /** @return the device credentials */
    public DeviceCredentials credentials() {
        return credentials;
    }

    /** @return what the lane's display shows */
    public String display() {
        return String.valueOf(lane.display().last());
    }

    /** @return every message the lane's display showed, oldest first ("[TONE] zh / en") */
    public List<String> displayHistory() {
        return lane.display().history().stream().map(String::valueOf).collect(Collectors.toList());
    }

    /** @return the remaining capacity the lane's display shows (from the server's push), empty when hidden */
    public OptionalInt remainingCapacity() {
        return lane.display().remainingCapacity();
    }

    @Override
    public void close() {
        sync.close();
        lane.close();
        timers.shutdownNow();
        gate.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The simulated network cable: while cut, every request fails like an unreachable server. */
    private static final class Cable implements Interceptor {
        volatile boolean cut;

        @Override
        public okhttp3.Response intercept(Chain chain) throws IOException {
            if (cut) {
                throw new ConnectException("network cut");
            }
            return chain.proceed(chain.request());
        }
    }
}
