package io.scenicpass.cli.gate;

import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * A simulated device's enrollment (gate or kiosk): the credentials kept in {@code <data>/device.json}, or a first
 * enrollment with the token. A stored device whose server moved (a demo server on a new port) keeps its enrollment.
 */
public final class Enrollment {
    /** The credentials. */
    public final DeviceCredentials credentials;
    /** True when enrolled by this run, false when the stored enrollment was reused. */
    public final boolean now;

    private Enrollment(DeviceCredentials credentials, boolean now) {
        this.credentials = credentials;
        this.now = now;
    }

    /**
     * @param dataDir the device's data directory
     * @param serverUrl server base URL (null: the enrolled one)
     * @param token enrollment token or code (needed only for the first run)
     * @param http the HTTP client
     * @param deviceName the name the operator sees
     * @return the enrollment
     * @throws IllegalArgumentException when not enrolled and no token is given
     */
    public static Enrollment open(Path dataDir, String serverUrl, String token, OkHttpClient http, String deviceName) {
        CredentialStore store = new CredentialStore(dataDir.resolve("device.json"));
        Optional<DeviceCredentials> stored = store.load();
        if (stored.isPresent()) {
            DeviceCredentials c = stored.get();
            if (serverUrl != null && !strip(serverUrl).equals(strip(c.serverUrl()))) {
                c = new DeviceCredentials(
                        strip(serverUrl), c.deviceId(), c.deviceToken(), c.areaId(), c.gateId(), c.rootPublicKey());
                store.save(c);
            }
            return new Enrollment(c, false);
        }
        if (token == null) {
            throw new IllegalArgumentException("not enrolled yet: give --enroll TOKEN (and --server URL)");
        }
        DeviceCredentials c = new Provisioning(store)
                .httpClient(http)
                .serverUrl(serverUrl == null ? null : strip(serverUrl))
                .enroll(token, deviceName, "scenicpass-cli");
        return new Enrollment(c, true);
    }

    static String strip(String url) {
        return url.replaceAll("/+$", "");
    }
}
