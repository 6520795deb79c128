package io.scenicpass.terminal.sync;

import io.scenicpass.core.wire.EnrollmentRequest;
import io.scenicpass.core.wire.EnrollmentResponse;
import io.scenicpass.terminal.internal.sync.ConnectivityMonitor;
import io.scenicpass.terminal.internal.sync.TerminalApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * One-time enrollment of a gate: the operator's screen shows an enrollment QR code ({@link EnrollmentCode});
 * the gate scans it, calls {@code POST /terminal/v1/enroll}, and stores the device id, device token and the
 * root public key (pinned from now on) in a {@link CredentialStore}.
 *
 * <pre>{@code
 * DeviceCredentials creds = new Provisioning(new CredentialStore(dataDir.resolve("device.json")))
 *     .enroll(scannedText, "Gate 3 north", "SP-G200");
 * }</pre>
 */
public final class Provisioning {
    private final CredentialStore store;
    private OkHttpClient http =
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private String serverUrl;
    private ServerClock serverClock = ServerClock.IGNORE;
    private Clock clock = Clock.systemUTC();

    /** @param store where the credentials are kept */
    public Provisioning(CredentialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @param http the HTTP client to use
     * @return this
     */
    public Provisioning httpClient(OkHttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
        return this;
    }

    /**
     * @param serverUrl server base URL, used when the enrollment code is a bare token
     * @return this
     */
    public Provisioning serverUrl(String serverUrl) {
        this.serverUrl = serverUrl;
        return this;
    }

    /**
     * @param serverClock receives the server time of the enrollment response
     * @param clock the device clock
     * @return this
     */
    public Provisioning clocks(ServerClock serverClock, Clock clock) {
        this.serverClock = Objects.requireNonNull(serverClock, "serverClock");
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** @return the stored credentials, when this device is already enrolled */
    public Optional<DeviceCredentials> current() {
        return store.load();
    }

    /**
     * Enrolls the device, or returns the stored credentials without contacting the server when it already
     * is enrolled (so a restart never burns a new token).
     *
     * @param scannedCode the enrollment QR text (URL or bare token)
     * @param deviceName a name for the operator's device list
     * @param deviceModel the hardware model
     * @return the credentials, now stored
     * @throws SyncException INVALID_INPUT (bad code), ENROLLMENT_REFUSED (token refused), NETWORK, SERVER,
     *                       BAD_RESPONSE
     */
    public DeviceCredentials enroll(String scannedCode, String deviceName, String deviceModel) {
        Optional<DeviceCredentials> existing = store.load();
        if (existing.isPresent()) {
            return existing.get();
        }
        EnrollmentCode code = EnrollmentCode.parse(scannedCode);
        String base = code.serverUrl().orElse(serverUrl);
        if (base == null) {
            throw new SyncException(
                    SyncErrorCode.INVALID_INPUT, "enrollment code has no server URL and none is configured");
        }
        ConnectivityMonitor monitor = new ConnectivityMonitor(1, Duration.ofDays(1), (a, b) -> {});
        TerminalApi api = new TerminalApi(http, base, null, clock, serverClock, monitor);
        EnrollmentResponse r;
        try {
            r = api.post(
                    api.url("enroll").build(),
                    new EnrollmentRequest(code.token(), deviceName, deviceModel),
                    false,
                    EnrollmentResponse.class,
                    null);
        } catch (SyncException e) {
            if (e.code() == SyncErrorCode.REJECTED || e.code() == SyncErrorCode.UNAUTHORIZED) {
                throw new SyncException(
                        SyncErrorCode.ENROLLMENT_REFUSED,
                        "enrollment token refused" + (e.serverCode() == null ? "" : " (" + e.serverCode() + ")"),
                        e.httpStatus(),
                        e.serverCode(),
                        e);
            }
            throw e;
        }
        DeviceCredentials creds;
        try {
            creds = new DeviceCredentials(
                    base,
                    require(r.deviceId(), "deviceId"),
                    require(r.deviceToken(), "deviceToken"),
                    r.areaId(),
                    r.gateId(),
                    Base64.getDecoder().decode(require(r.rootPublicKey(), "rootPublicKey")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SyncException(
                    SyncErrorCode.BAD_RESPONSE, "enrollment response incomplete: " + e.getMessage(), 200, null, e);
        }
        store.save(creds);
        return creds;
    }

    private static String require(String v, String name) {
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException(name + " missing");
        }
        return v;
    }
}
